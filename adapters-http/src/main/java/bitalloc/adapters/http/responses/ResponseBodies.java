package bitalloc.adapters.http.responses;

import bitalloc.adapters.http.api.AgentCommand;
import bitalloc.adapters.http.api.AllocationTag;
import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.Outcomes;
import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.adapters.http.json.WireNames;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vavr.collection.List;

/** Response bodies as records (JSON names are the field names), and their mapping from the API's outcomes. */
public final class ResponseBodies {

    private ResponseBodies() {
    }

    public record HostGrantBody(HostName hostname, Ram chunkSize, int numChunks) {
    }

    public record AllocationBody(AllocationId allocationId, AllocationTag tag, java.util.List<HostGrantBody> hosts) {
    }

    public record ClaimBody(AllocationId allocationId, Pid pid, HostName hostname, int numChunks, boolean changed) {
    }

    public record ReleaseBody(boolean changed, Ram freed) {
    }

    public record RegistrationBody(HostName hostname, Pid pid, boolean changed) {
    }

    public record HostFreeBody(HostName hostname, Ram effectiveFree) {
    }

    public record ScanBody(Ram totalFree, java.util.List<HostFreeBody> hosts) {
    }

    /** One command for the agent; {@code type} ("launch" or "kill") says which fields are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandBody(CommandId id, String type, HostName hostname, ScriptPath filename, Integer threads,
                              java.util.List<String> args, Pid pid) {
    }

    public record CommandsBody(java.util.List<CommandBody> commands) {
    }

    public record HostStatusBody(HostName hostname, String kind, Ram maxRam, Ram allocated, Ram reserved, Ram margin,
                                 Ram effectiveFree) {
    }

    public record StatusBody(Ram totalFree, java.util.List<HostStatusBody> hosts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetBody(HostName target, String lifecycle, String phase, Pid pid) {
    }

    public record TargetsBody(java.util.List<TargetBody> targets) {
    }

    public record HealthBody(String status) {
    }

    public static AllocationBody of(Outcomes.Granted granted) {
        return new AllocationBody(granted.allocation(), granted.tag(), granted.hosts()
                .map(grant -> new HostGrantBody(grant.host(), grant.chunkSize(), grant.numChunks())).asJava());
    }

    public static ClaimBody of(Outcomes.Claimed claimed) {
        return new ClaimBody(claimed.allocation(), claimed.pid(), claimed.host(), claimed.numChunks(),
                changed(claimed.change()));
    }

    public static ReleaseBody of(Outcomes.Released released) {
        return new ReleaseBody(changed(released.change()), released.freed());
    }

    public static RegistrationBody of(Outcomes.Registered registered) {
        return new RegistrationBody(registered.host(), registered.pid(), changed(registered.change()));
    }

    public static ScanBody of(Outcomes.ScanApplied applied) {
        return new ScanBody(total(applied.hosts().map(Outcomes.HostFree::effectiveFree)),
                applied.hosts().map(host -> new HostFreeBody(host.host(), host.effectiveFree())).asJava());
    }

    public static CommandsBody of(List<AgentCommand> commands) {
        return new CommandsBody(commands.map(ResponseBodies::command).asJava());
    }

    private static CommandBody command(AgentCommand command) {
        if (command instanceof AgentCommand.Launch launch) {
            return new CommandBody(launch.id(), "launch", launch.host(), launch.filename(), launch.threads(),
                    launch.args().asJava(), null);
        }
        AgentCommand.Kill kill = (AgentCommand.Kill) command;
        return new CommandBody(kill.id(), "kill", null, null, null, null, kill.pid());
    }

    public static StatusBody of(Outcomes.Status status) {
        return new StatusBody(total(status.hosts().map(Outcomes.HostStatus::effectiveFree)), status.hosts()
                .map(host -> new HostStatusBody(host.host(), WireNames.of(host.kind()), host.maxRam(),
                        host.allocated(), host.reserved(), host.margin(), host.effectiveFree()))
                .asJava());
    }

    public static TargetsBody of(Outcomes.Targets targets) {
        return new TargetsBody(targets.targets()
                .map(target -> new TargetBody(target.target(), target.lifecycle().map(WireNames::of).getOrNull(),
                        WireNames.of(target.phase()), target.pid().getOrNull()))
                .asJava());
    }

    private static Ram total(List<Ram> amounts) {
        return amounts.fold(Ram.ZERO, Ram::plus);
    }

    private static boolean changed(Outcomes.Change change) {
        return change == Outcomes.Change.CHANGED;
    }
}

package bitalloc.adapters.http.api;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Lifecycle;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * Every command the routes hand to the API, each built only from a request that passed validation. An allocation
 * request is the domain's own {@code AllocationRequest}.
 */
public final class Commands {

    private Commands() {
    }

    /** A process states that it runs inside an allocation, on a host, using some of its chunks. */
    public record Claim(AllocationId allocation, AllocationTag tag, Pid pid, HostName host, int numChunks) {
    }

    public record ReleaseClaim(AllocationId allocation, Pid pid) {
    }

    /** Gives back chunks of an allocation; on one host when named, otherwise wherever the allocator chooses. */
    public record ReleaseChunks(AllocationId allocation, int numChunks, Option<HostName> host) {
    }

    public record ReleaseAllocation(AllocationId allocation) {
    }

    public record Register(HostName host, Pid pid, ScriptPath filename, Ram ram) {
    }

    public record Unregister(HostName host, Pid pid) {
    }

    /**
     * One poll of every rooted host; host kinds come from the agent's flags, never from names. {@code player} and
     * {@code targets} are what the hacking formulas read: absent when the agent did not send them.
     */
    public record Scan(AgentSessionKey session, List<HostSnapshot> hosts, Option<Player> player,
                       List<TargetServer> targets) {
    }

    public record Heartbeat(Pid pid, ScriptPath filename, HostName target, Lifecycle lifecycle) {
    }

    /** How a task script ended, as it reports it; a task starved of helper RAM makes the selector back off. */
    public enum TaskOutcome {
        COMPLETED,
        HELPERS_REFUSED,
        DRIFTED,
        ERROR
    }

    public record TaskFinished(Pid pid, ScriptPath filename, HostName target, Lifecycle lifecycle,
                               TaskOutcome outcome, Option<String> detail) {
    }

    public record ReportCommandResult(CommandId command, CommandResult result) {
    }
}

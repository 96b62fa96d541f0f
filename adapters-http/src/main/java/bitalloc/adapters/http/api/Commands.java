package bitalloc.adapters.http.api;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** Every command the routes hand to the API, each built only from a request that passed validation. */
public final class Commands {

    private Commands() {
    }

    /** How the requester wants its chunks placed (DESIGN.md A2). */
    public record AllocationFlags(boolean contiguous, boolean coreDependent, boolean shrinkable, boolean longRunning) {
        public static final AllocationFlags NONE = new AllocationFlags(false, false, false, false);
    }

    public record Allocate(Requester requester, ScriptPath filename, Ram chunkSize, int numChunks,
                           AllocationFlags flags) {
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

    /** One poll of every rooted host; host kinds come from the agent's flags, never from names. */
    public record Scan(AgentSessionKey session, List<HostSnapshot> hosts) {
    }

    public record Heartbeat(Pid pid, ScriptPath filename, HostName target, Lifecycle lifecycle) {
    }

    /** Why a task script ended; a task starved of helper RAM makes the selector back off (DESIGN.md T5). */
    public enum TaskEnding {
        COMPLETED,
        HELPERS_STARVED,
        FAILED
    }

    public record TaskFinished(Pid pid, ScriptPath filename, HostName target, Lifecycle lifecycle, TaskEnding ending) {
    }

    public record ReportCommandResult(CommandId command, CommandResult result) {
    }
}

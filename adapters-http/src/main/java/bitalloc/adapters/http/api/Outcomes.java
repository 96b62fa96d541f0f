package bitalloc.adapters.http.api;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Lifecycle;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** What a successful call returns; the routes turn these into response bodies. */
public final class Outcomes {

    private Outcomes() {
    }

    /** Whether a call changed state; repeating a release or registration is harmless and says so. */
    public enum Change {
        CHANGED,
        UNCHANGED
    }

    public record HostGrant(HostName host, Ram chunkSize, int numChunks) {
    }

    public record Granted(AllocationId allocation, AllocationTag tag, List<HostGrant> hosts) {
    }

    public record Claimed(AllocationId allocation, Pid pid, HostName host, int numChunks, Change change) {
    }

    /** RAM given back to the hosts' free pool by a release (zero for a claim release, which only unlabels). */
    public record Released(Change change, Ram freed) {
    }

    public record Registered(HostName host, Pid pid, Change change) {
    }

    public record HostFree(HostName host, Ram effectiveFree) {
    }

    /** The effective free RAM of every host the scan reported, after the scan was applied. */
    public record ScanApplied(List<HostFree> hosts) {
    }

    /** The call was recorded; nothing else to say. */
    public enum Recorded {
        RECORDED
    }

    public record HostStatus(HostName host, HostKind kind, Ram maxRam, Ram allocated, Ram reserved, Ram margin,
                             Ram effectiveFree) {
    }

    public record Status(List<HostStatus> hosts) {
    }

    /**
     * Where a target stands in the selector: waiting, launched but unconfirmed, running, or found again after a
     * restart and not yet confirmed (DESIGN.md T2, T6, T8).
     */
    public enum TargetPhase {
        PENDING,
        LAUNCHING,
        ACTIVE,
        RECOVERING
    }

    /** A pending target has no lifecycle yet: it is chosen when its task is launched. */
    public record TargetStatus(HostName target, Option<Lifecycle> lifecycle, TargetPhase phase, Option<Pid> pid) {
    }

    public record Targets(List<TargetStatus> targets) {
    }
}

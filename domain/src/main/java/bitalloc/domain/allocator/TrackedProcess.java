package bitalloc.domain.allocator;

import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.ProcessOrigin;
import bitalloc.domain.tag.TagReading;
import io.vavr.collection.List;

/**
 * What the scan remembers about one pid on one host within one game session. The game never changes a pid's
 * script or arguments, so the tag is read once; the links to allocation, claim, registration and requester are
 * resolved once and re-resolved only when one of them ends or a claim/registration names this pid.
 */
final class TrackedProcess {

    final Pid pid;
    final String script;
    private final String[] args;
    final TagReading tag;
    AllocationState taggedTo;
    GrantSlot slot;
    ClaimState claim;
    RegistrationState registration;
    RequesterEntry requester;
    ProcessOrigin origin = ProcessOrigin.FOREIGN;
    boolean invalid = true;

    /** RAM and class at the last scan that saw the process; filled in from the pid table when it exits. */
    long ram;
    boolean countedForeign;

    TrackedProcess(Pid pid, String script, String[] args, TagReading tag) {
        this.pid = pid;
        this.script = script;
        this.args = args;
        this.tag = tag;
    }

    List<String> args() {
        return List.of(args);
    }

    boolean needsResolving() {
        return invalid
                || (taggedTo != null && taggedTo.closed)
                || (slot != null && slot.removed)
                || (claim != null && claim.dropped)
                || (registration != null && registration.dropped)
                || (requester != null && requester.dead);
    }

    /** The allocation this process runs inside, by tag first, then by claim; null when none. */
    AllocationState owner() {
        return taggedTo != null ? taggedTo : claim != null ? claim.owner : null;
    }
}

package bitalloc.domain.scan;

import bitalloc.domain.allocation.AllocationId;

/** How a scan classified a process (DESIGN A6). */
public sealed interface ProcessOrigin {

    /** Carries a valid tag of a live allocation. */
    record Tagged(AllocationId id) implements ProcessOrigin {
    }

    /** Claimed by a live allocation without (or despite) its tag. */
    record Claimed(AllocationId id) implements ProcessOrigin {
    }

    /** A registered core service. */
    record Registered() implements ProcessOrigin {
    }

    /** Anything else: the player's scripts, or ours that lost their tag. */
    record Foreign() implements ProcessOrigin {
    }

    ProcessOrigin REGISTERED = new Registered();
    ProcessOrigin FOREIGN = new Foreign();
}

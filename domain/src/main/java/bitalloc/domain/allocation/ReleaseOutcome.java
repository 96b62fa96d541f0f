package bitalloc.domain.allocation;

import bitalloc.domain.process.Pid;
import io.vavr.collection.List;

/** What a release did. A repeated release changes nothing and says so instead of failing silently (DESIGN A3). */
public sealed interface ReleaseOutcome {

    /** RAM was given back; {@code closed} when the allocation has no grant left and is gone. */
    record Released(AllocationId id, List<Grant> freed, boolean closed) implements ReleaseOutcome {
    }

    /** The allocation was released before; nothing changed. */
    record AlreadyReleased(AllocationId id) implements ReleaseOutcome {
    }

    /** The claim's label was removed; its chunks stay granted to the allocation. */
    record ClaimReleased(AllocationId id, Claim claim) implements ReleaseOutcome {
    }

    /** The pid holds no claim on this allocation (released before, or never claimed); nothing changed. */
    record NoSuchClaim(AllocationId id, Pid pid) implements ReleaseOutcome {
    }
}

package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/** Why the allocator said no: a closed set of typed reasons a caller can adapt to (DESIGN A2, A3). */
public sealed interface AllocationRefused {

    /** Not one chunk fits anywhere right now. */
    record NothingFree(Ram chunkSize) implements AllocationRefused {
    }

    /** Some chunks fit but not all, and the request was not shrinkable; {@code available} is what would fit. */
    record NotEnoughFree(Ram requested, Ram available) implements AllocationRefused {
    }

    /** No host could ever hold one chunk, even empty: asking again will not help. */
    record ChunkLargerThanAnyHost(Ram chunk, Ram largestHostCapacity) implements AllocationRefused {
    }

    /** No live allocation has this id (never existed, or released already). */
    record UnknownAllocation(AllocationId id) implements AllocationRefused {
    }

    /** A claim for more chunks than the allocation's grant on that host leaves unclaimed. */
    record ClaimExceedsGrant(AllocationId id, HostName host, int requestedChunks, int unclaimedChunks)
            implements AllocationRefused {
    }

    /** The pid is already claimed by another allocation; a process runs inside one allocation only. */
    record PidClaimedElsewhere(Pid pid, AllocationId claimedBy) implements AllocationRefused {
    }

    /** Freeing more chunks than are granted on the host: a caller's bug, reported and not clamped. */
    record OverFree(AllocationId id, HostName host, int requestedChunks, int grantedChunks)
            implements AllocationRefused {
    }

    /** Freeing chunks that live claims still label; release the claims first (or let the scan drop them). */
    record ChunksStillClaimed(AllocationId id, HostName host, int requestedChunks, int unclaimedChunks)
            implements AllocationRefused {
    }
}

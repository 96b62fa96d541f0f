package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Grant;
import bitalloc.domain.host.HostAccount;

/** The mutable grant of one allocation on one host; merged in place when the allocation grows there. */
final class GrantSlot {

    final AllocationState owner;
    final HostAccount host;
    int chunks;
    int claimedChunks;
    boolean removed;
    /** RAM the allocation's processes used on this host during scan {@link #usedGeneration}. */
    long used;
    long usedGeneration = -1;

    GrantSlot(AllocationState owner, HostAccount host) {
        this.owner = owner;
        this.host = host;
    }

    long ram() {
        return chunks * owner.chunkHundredths;
    }

    int unclaimedChunks() {
        return chunks - claimedChunks;
    }

    Grant grant() {
        return new Grant(host.name(), owner.request.chunkSize(), chunks);
    }
}

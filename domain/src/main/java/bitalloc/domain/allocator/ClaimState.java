package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Claim;

/** A live claim; {@code sighted} once a scan saw its pid, after which exit detection ends it. */
final class ClaimState {

    final AllocationState owner;
    final GrantSlot slot;
    final Claim claim;
    boolean sighted;
    boolean dropped;
    int absentPolls;

    ClaimState(AllocationState owner, GrantSlot slot, Claim claim) {
        this.owner = owner;
        this.slot = slot;
        this.claim = claim;
    }
}

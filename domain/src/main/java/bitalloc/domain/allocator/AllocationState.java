package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.host.HostAccount;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.ProcessOrigin;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable inside of one live allocation; the outside world only ever sees {@link #snapshot()}. */
final class AllocationState {

    final AllocationId id;
    final AllocationRequest request;
    final GameSession session;
    final Instant createdAt;
    final long chunkHundredths;
    final ProcessOrigin.Tagged taggedOrigin;
    final ProcessOrigin.Claimed claimedOrigin;
    final java.util.List<GrantSlot> slots = new ArrayList<>(2);
    final Map<Pid, ClaimState> claims = new LinkedHashMap<>();
    boolean closed;
    /** Position in its requester's list of allocations, for O(1) removal; -1 when not listed. */
    int requesterSlot = -1;

    Instant lastAliveAt;
    long aliveGeneration = -1;
    /** The last host pass that recorded this allocation as kept alive (see {@link HostReplay}). */
    long recordedInPass = -1;
    AllocationState alivePrevious;
    AllocationState aliveNext;

    AllocationState(AllocationId id, AllocationRequest request, GameSession session, Instant createdAt) {
        this.id = id;
        this.request = request;
        this.session = session;
        this.createdAt = createdAt;
        this.chunkHundredths = request.chunkSize().hundredths();
        this.taggedOrigin = new ProcessOrigin.Tagged(id);
        this.claimedOrigin = new ProcessOrigin.Claimed(id);
    }

    /** The grant on {@code host}, or null. Allocations hold few grants, so a walk beats a map. */
    GrantSlot slotOn(HostAccount host) {
        for (int i = 0; i < slots.size(); i++) {
            GrantSlot slot = slots.get(i);
            if (slot.host == host) {
                return slot;
            }
        }
        return null;
    }

    GrantSlot slotOrNewOn(HostAccount host) {
        GrantSlot slot = slotOn(host);
        if (slot == null) {
            slot = new GrantSlot(this, host);
            slots.add(slot);
        }
        return slot;
    }

    long grantedHundredths() {
        long granted = 0;
        for (int i = 0; i < slots.size(); i++) {
            granted += slots.get(i).ram();
        }
        return granted;
    }

    List<Grant> grants() {
        List<Grant> grants = List.empty();
        for (int i = slots.size() - 1; i >= 0; i--) {
            grants = grants.prepend(slots.get(i).grant());
        }
        return grants;
    }

    Allocation snapshot() {
        return new Allocation(id, request, grants(), List.ofAll(claims.values()).map(state -> state.claim),
                session, createdAt);
    }
}

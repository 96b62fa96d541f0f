package bitalloc.domain.allocator;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import java.util.ArrayList;
import java.util.List;

/** The live allocations one requester pid asked for; while the requester runs, they count as alive. */
final class RequesterEntry {

    final HostName host;
    final GameSession session;
    final List<AllocationState> allocations = new ArrayList<>(2);
    boolean dead;

    void add(AllocationState allocation) {
        allocation.requesterSlot = allocations.size();
        allocations.add(allocation);
    }

    /** Removes in O(1) by moving the last allocation into the freed slot; true when the entry is now empty. */
    boolean remove(AllocationState allocation) {
        int slot = allocation.requesterSlot;
        if (slot < 0 || slot >= allocations.size() || allocations.get(slot) != allocation) {
            return false;
        }
        AllocationState last = allocations.remove(allocations.size() - 1);
        if (last != allocation) {
            allocations.set(slot, last);
            last.requesterSlot = slot;
        }
        allocation.requesterSlot = -1;
        return allocations.isEmpty();
    }

    RequesterEntry(HostName host, GameSession session) {
        this.host = host;
        this.session = session;
    }
}

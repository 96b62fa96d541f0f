package bitalloc.domain.allocator;

import java.time.Duration;
import java.time.Instant;

/**
 * Live allocations ordered by when a process of theirs was last seen, oldest first (an intrusive list).
 * A scan moves every allocation it sees alive to the tail, so expiry only looks at the head: the scan's cost
 * does not grow with the number of allocations.
 */
final class AliveOrder {

    private AllocationState head;
    private AllocationState tail;

    void append(AllocationState allocation, Instant now) {
        allocation.lastAliveAt = now;
        allocation.alivePrevious = tail;
        allocation.aliveNext = null;
        if (tail == null) {
            head = allocation;
        } else {
            tail.aliveNext = allocation;
        }
        tail = allocation;
    }

    void touch(AllocationState allocation, Instant now) {
        remove(allocation);
        append(allocation, now);
    }

    void remove(AllocationState allocation) {
        if (allocation.alivePrevious == null) {
            if (head == allocation) {
                head = allocation.aliveNext;
            }
        } else {
            allocation.alivePrevious.aliveNext = allocation.aliveNext;
        }
        if (allocation.aliveNext == null) {
            if (tail == allocation) {
                tail = allocation.alivePrevious;
            }
        } else {
            allocation.aliveNext.alivePrevious = allocation.alivePrevious;
        }
        allocation.alivePrevious = null;
        allocation.aliveNext = null;
    }

    /** The oldest allocation if it has been without a live process for longer than {@code grace}, else null. */
    AllocationState oldestExpired(Duration grace, Instant now) {
        if (head == null || !head.lastAliveAt.plus(grace).isBefore(now)) {
            return null;
        }
        return head;
    }
}

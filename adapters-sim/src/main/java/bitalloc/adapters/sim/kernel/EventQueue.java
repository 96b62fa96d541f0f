package bitalloc.adapters.sim.kernel;

import java.util.PriorityQueue;

/**
 * Events ordered by (instant, insertion sequence): two events at the same instant fire in the order they were
 * scheduled, which keeps a run deterministic. Cancelled work is skipped by the event itself (lazy deletion),
 * so scheduling and firing stay O(log n).
 */
final class EventQueue {

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long sequence;

    void schedule(long atMillis, SimEvent event) {
        queue.add(new Scheduled(atMillis, sequence++, event));
    }

    boolean hasEventAtOrBefore(long millis) {
        Scheduled head = queue.peek();
        return head != null && head.atMillis <= millis;
    }

    Scheduled poll() {
        return queue.poll();
    }

    int size() {
        return queue.size();
    }

    void clear() {
        queue.clear();
    }

    record Scheduled(long atMillis, long sequence, SimEvent event) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(atMillis, other.atMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}

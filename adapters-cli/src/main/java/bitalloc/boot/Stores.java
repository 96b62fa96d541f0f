package bitalloc.boot;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import java.util.concurrent.atomic.AtomicLong;

/** The stores a run can use. */
public final class Stores {

    private Stores() {
    }

    /**
     * Durable state in memory, history counted but not kept: for benchmarks and tests that would otherwise hold
     * millions of history events in the heap.
     */
    public static Store inMemory() {
        InMemoryStateStore state = new InMemoryStateStore();
        return new Store(state, state, new CountingHistory(), () -> { });
    }

    /** A history that keeps only how many events it was given. */
    static final class CountingHistory implements HistoryLog {
        private final AtomicLong events = new AtomicLong();

        @Override
        public void append(HistoryEvent event) {
            events.incrementAndGet();
        }

        @Override
        public void flush() {
            // nothing is buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        long events() {
            return events.get();
        }
    }
}

package bitalloc.boot;

import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import com.google.inject.Injector;
import java.util.concurrent.atomic.AtomicLong;

/** The stores a run can use. */
public final class Stores {

    private Stores() {
    }

    /** The SQL store at {@code url}: created and migrated on first use, closed with the store. */
    public static Store sql(DatabaseUrl url) {
        Injector injector = StoreBoot.injector(url);
        Database database = injector.getInstance(Database.class);
        return new Store(injector.getInstance(StateStore.class), injector.getInstance(Transactions.class),
                injector.getInstance(HistoryLog.class), database::close);
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

package bitalloc.boot;

import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import com.google.inject.Injector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

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
     * The store a command asked for: {@code mem} for {@link #inMemory()}, a JDBC URL, or by default the embedded H2
     * file in the data directory. Left is a one-line reason.
     */
    public static Either<String, Store> open(Option<String> jdbcUrl, UnaryOperator<String> environment) {
        if (jdbcUrl.contains("mem")) {
            return Either.right(inMemory());
        }
        Either<String, DatabaseUrl> url = jdbcUrl.isDefined() ? DatabaseUrl.parse(jdbcUrl.get())
                : Either.right(DatabaseUrl.embeddedDefault(environment, Path.of(System.getProperty("user.home"))));
        return url.flatMap(parsed -> Try.of(() -> sql(parsed)).toEither()
                .mapLeft(e -> "cannot open the store at " + parsed + ": " + e.getMessage()));
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

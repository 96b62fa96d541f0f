package bitalloc.application.port.out.state;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every {@link StateStore} call the work makes on the calling thread commits
 * together, or not at all if the work throws. A call inside a running unit of work joins it.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

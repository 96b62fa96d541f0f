package bitalloc.application.port.out.state;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every {@link StateStore} call the work makes on the calling thread commits
 * together, or not at all if the work throws. A call inside a running unit of work joins it.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Returns once every change saved so far (by any thread) is committed: called before a client is answered. A
     * store that commits each change as it is saved has nothing left to do; one that gathers changes to commit them
     * together (a group commit) commits them here.
     */
    default void awaitCommitted() {
        // every change was committed when it was saved
    }

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

package bitalloc.boot;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets the in-game side's calls run while open; {@link #close} stops new calls and waits for those in flight, so
 * the test can read what was acknowledged knowing no answer is still on its way.
 */
final class LoadGate {

    private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    private volatile boolean open;

    /** Runs {@code work} if the gate is open; false when it was closed. */
    boolean pass(Runnable work) {
        return passing(() -> {
            work.run();
            return true;
        }, false);
    }

    <T> T passing(Supplier<T> work, T whenClosed) {
        inFlight.readLock().lock();
        try {
            return open ? work.get() : whenClosed;
        } finally {
            inFlight.readLock().unlock();
        }
    }

    void open() {
        open = true;
    }

    void close() {
        open = false;
        inFlight.writeLock().lock();
        inFlight.writeLock().unlock();
    }
}

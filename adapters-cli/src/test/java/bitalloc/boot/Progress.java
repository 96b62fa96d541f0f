package bitalloc.boot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting without sleeping: the load signals after every answered call, and {@link #awaitUntil} checks its
 * condition again each time (or at the latest every 250 ms) until it holds or the deadline passes.
 */
final class Progress {

    private static final long LONGEST_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code condition} holds; an AssertionError naming {@code what} when it did not in time. */
    void awaitUntil(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("gave up after " + patience.toSeconds() + " s waiting for " + what);
            }
            lock.lock();
            try {
                changed.awaitNanos(Math.min(left, LONGEST_QUIET_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } finally {
                lock.unlock();
            }
        }
    }
}

package bitalloc.application.port.out;

import java.time.Duration;

/**
 * Runs work periodically in the clock's time: a thread pool when live, the event queue in simulation.
 * Each task runs {@code period} after the previous run began, first one {@code period} from now.
 */
public interface Scheduler {
    void every(Duration period, Runnable task);
}

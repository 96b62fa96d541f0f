package bitalloc.adapters.http.live;

import bitalloc.application.port.out.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live {@link Scheduler}: each loop on a thread of its own, at a fixed rate in real time. A run that throws is
 * logged and the loop goes on (an executor would otherwise stop the loop silently); a run that overruns its period
 * delays the next one instead of overlapping it.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    /** {@code loops} threads, so a selector tick waiting for the agent never holds up another loop. */
    public ExecutorScheduler(int loops) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(loops, task -> {
            Thread thread = new Thread(task, "bitalloc-loop-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void every(Duration period, Runnable task) {
        long millis = period.toMillis();
        executor.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a control loop run failed; the loop goes on", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the loops and waits briefly for a run in progress. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}

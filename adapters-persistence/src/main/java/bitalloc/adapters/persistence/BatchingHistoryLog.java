package bitalloc.adapters.persistence;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.domain.process.GameSession;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history log that keeps the database off the caller's thread: {@link #append} puts the event on a bounded
 * queue and returns; one writer thread drains the queue and writes what it finds in batches of up to
 * {@value #DEFAULT_MAX_BATCH} events. When the database falls behind by a whole queue, {@link #append} waits rather than
 * dropping history. A batch the database rejects is logged and skipped, never retried forever.
 */
public final class BatchingHistoryLog implements HistoryLog {

    static final int QUEUE_CAPACITY = 65_536;
    static final int DEFAULT_MAX_BATCH = 10_000;
    /**
     * How long the writer gathers events after the first one of a batch. One poll appends its events in a burst;
     * waiting for the burst to end writes it in one transaction, after the poll, instead of competing with the
     * poll for a CPU while it runs.
     */
    static final long LINGER_NANOS = 20_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(BatchingHistoryLog.class);

    /** Put on the queue by {@link #close}; compared by identity, never written. */
    private static final HistoryEvent STOP = new HistoryEvent.TaskEvent(Instant.EPOCH, GameSession.FIRST,
            HistoryEvent.TaskEventKind.FINISHED, Option.none(), Option.none(), Option.none(), "writer stop");

    private final BlockingQueue<HistoryEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<List<HistoryEvent>> writer;
    private final int maxBatch;
    private final Thread writerThread;
    private final Object progress = new Object();
    private long appended;
    private long handled;
    private long failedBatches;
    private volatile boolean closed;

    BatchingHistoryLog(Consumer<List<HistoryEvent>> writer, int maxBatch) {
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.writerThread = new Thread(this::drain, "bitalloc-history-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    @Override
    public void append(HistoryEvent event) {
        if (closed) {
            throw new IllegalStateException("history log is closed");
        }
        synchronized (progress) {
            appended++;
        }
        putUninterruptibly(event);
    }

    @Override
    public void flush() {
        synchronized (progress) {
            long target = appended;
            boolean interrupted = false;
            while (handled < target) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        putUninterruptibly(STOP);
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Batches the database rejected since start; their events are lost from the history. */
    public long failedBatches() {
        synchronized (progress) {
            return failedBatches;
        }
    }

    private void drain() {
        List<HistoryEvent> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            batch.add(takeUninterruptibly());
            gatherBurst(batch);
            stopping = batch.removeIf(event -> event == STOP);
            boolean failed = false;
            try {
                if (!batch.isEmpty()) {
                    writer.accept(batch);
                }
            } catch (RuntimeException e) {
                failed = true;
                LOG.warn("history batch of {} events not written: {}", batch.size(), rootMessage(e));
            }
            synchronized (progress) {
                handled += batch.size();
                failedBatches += failed ? 1 : 0;
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Sleeps through the linger, then adds what arrived, up to a full batch. The writer sleeps rather than waiting on
     * the queue: a waiting writer was woken by each event, a context switch per history row for the poll loop.
     */
    private void gatherBurst(List<HistoryEvent> batch) {
        if (batch.get(batch.size() - 1) != STOP) {
            long deadline = System.nanoTime() + LINGER_NANOS;
            for (long left = LINGER_NANOS; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                Thread.interrupted(); // only close() stops the writer: an interrupt must not turn the sleep into a spin
            }
        }
        queue.drainTo(batch, maxBatch - batch.size());
    }

    private HistoryEvent takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer, so that nothing queued is lost.
            }
        }
    }

    private void putUninterruptibly(HistoryEvent event) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

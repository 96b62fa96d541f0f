package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import io.vavr.collection.List;
import io.vavr.collection.Vector;

/** The history kept in memory, in append order: for tests, and for runs that keep no SQL store. */
public final class InMemoryHistoryLog implements HistoryLog {

    private Vector<HistoryEvent> events = Vector.empty();
    private boolean closed;

    @Override
    public synchronized void append(HistoryEvent event) {
        if (closed) {
            throw new IllegalStateException("history log is closed");
        }
        events = events.append(event);
    }

    @Override
    public void flush() {
        // Appends are visible at once; nothing is queued.
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized List<HistoryEvent> events() {
        return events.toList();
    }
}

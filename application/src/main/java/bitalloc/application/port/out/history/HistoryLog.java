package bitalloc.application.port.out.history;

/**
 * The append-only history. {@link #append} returns at once: events are written in batches off the caller's
 * thread, in the order they were appended, so the poll loop never waits for the database. History is not
 * durable state: an event may be lost if the process dies before the next batch is written.
 */
public interface HistoryLog extends AutoCloseable {

    void append(HistoryEvent event);

    /** Waits until every event appended before this call is written. */
    void flush();

    /** Writes what is queued and stops the writer; appending afterwards is a programming error. */
    @Override
    void close();
}

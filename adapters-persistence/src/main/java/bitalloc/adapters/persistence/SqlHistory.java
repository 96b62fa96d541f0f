package bitalloc.adapters.persistence;

/** The SQL history log: a batching queue in front of the jOOQ batch writer. */
public final class SqlHistory {

    private SqlHistory() {
    }

    public static BatchingHistoryLog open(Database database) {
        return open(database, BatchingHistoryLog.DEFAULT_MAX_BATCH);
    }

    /** With a smaller largest batch, so tests can cross batch boundaries with few events. */
    static BatchingHistoryLog open(Database database, int maxBatch) {
        return new BatchingHistoryLog(new JooqHistoryWriter(database.dsl())::write, maxBatch);
    }
}

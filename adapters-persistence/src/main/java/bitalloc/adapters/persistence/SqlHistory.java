package bitalloc.adapters.persistence;

/** The SQL history log: a batching queue in front of the jOOQ batch writer. */
public final class SqlHistory {

    private SqlHistory() {
    }

    public static BatchingHistoryLog open(Database database) {
        return new BatchingHistoryLog(new JooqHistoryWriter(database.dsl())::write);
    }
}

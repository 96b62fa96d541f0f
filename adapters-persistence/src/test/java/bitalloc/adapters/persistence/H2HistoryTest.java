package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.Samples.T0;
import static bitalloc.adapters.persistence.generated.Tables.HOST_SCAN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History and queries on a fresh H2 file database. */
class H2HistoryTest extends SqlHistoryContract {

    @TempDir
    static Path directory;
    static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabases.freshH2(directory);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }

    /** History ids are handed out in blocks (V5); a reopened database must not hand out an id again or go back. */
    @Test
    void ids_keep_growing_after_the_database_is_reopened(@TempDir Path own) {
        long before = appendScans(own, 3, "max");
        long after = appendScans(own, 3, "min");
        assertTrue(after > before, "first id after reopening " + after + ", last before " + before);
    }

    /** Appends {@code count} scans to the database in {@code directory}, closes it, and returns the min or max id. */
    private static long appendScans(Path directory, int count, String minOrMax) {
        Database database = TestDatabases.freshH2(directory);
        try {
            long known = database.dsl().select(DSL.coalesce(DSL.max(HOST_SCAN.ID), 0L)).from(HOST_SCAN).fetchOne().value1();
            BatchingHistoryLog log = SqlHistory.open(database);
            for (int i = 0; i < count; i++) {
                log.append(scan("pserv-" + i, T0.plusSeconds(i), i, 0));
            }
            log.close();
            var ids = database.dsl().select(HOST_SCAN.ID).from(HOST_SCAN).where(HOST_SCAN.ID.gt(known))
                    .fetch(HOST_SCAN.ID);
            return minOrMax.equals("min") ? java.util.Collections.min(ids) : java.util.Collections.max(ids);
        } finally {
            database.close();
        }
    }
}

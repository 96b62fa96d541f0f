package bitalloc.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** History and queries on a fresh schema of a real PostgreSQL server (skipped, saying so, when none is given). */
class PostgresHistoryTest extends SqlHistoryContract {

    static TestDatabases.PostgresSchema schema;

    @BeforeAll
    static void open() {
        schema = TestDatabases.freshPostgres(PostgresHistoryTest.class);
    }

    @AfterAll
    static void close() {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    Database database() {
        return schema.database();
    }
}

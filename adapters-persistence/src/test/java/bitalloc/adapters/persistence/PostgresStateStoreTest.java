package bitalloc.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store on a fresh schema of a real PostgreSQL server (skipped, saying so, when none is given). */
class PostgresStateStoreTest extends SqlStateStoreContract {

    static TestDatabases.PostgresSchema schema;

    @BeforeAll
    static void open() {
        schema = TestDatabases.freshPostgres(PostgresStateStoreTest.class);
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

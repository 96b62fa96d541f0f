package bitalloc.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The state store on a fresh H2 file database. */
class H2StateStoreTest extends SqlStateStoreContract {

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
}

package bitalloc.adapters.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for one test class: an H2 file in a temporary directory, or a new schema on the PostgreSQL
 * server named by {@code -Dpg.url=jdbc:postgresql://...} or {@code BITALLOC_PG_URL}. Without either, PostgreSQL
 * tests are skipped with a message saying so.
 */
final class TestDatabases {

    static final String PG_PROPERTY = "pg.url";
    static final String PG_ENVIRONMENT = "BITALLOC_PG_URL";

    private TestDatabases() {
    }

    static Database freshH2(Path directory) {
        return Database.open(DatabaseUrl.parse("jdbc:h2:file:" + directory.resolve("bitalloc")).get());
    }

    /** A database on a new, empty schema of the configured PostgreSQL server; skips the class when there is none. */
    static PostgresSchema freshPostgres(Class<?> testClass) {
        Option<String> serverUrl = Option.of(System.getProperty(PG_PROPERTY)).filter(url -> !url.isBlank())
                .orElse(() -> Option.of(System.getenv(PG_ENVIRONMENT)).filter(url -> !url.isBlank()));
        if (serverUrl.isEmpty()) {
            String reason = "PostgreSQL tests SKIPPED in " + testClass.getSimpleName() + ": no server given (set -D"
                    + PG_PROPERTY + "=jdbc:postgresql://host:port/db or " + PG_ENVIRONMENT + "; .ci/run starts one)";
            System.out.println(reason);
            assumeTrue(false, reason);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl.get(), "CREATE SCHEMA " + schema);
        String separator = serverUrl.get().contains("?") ? "&" : "?";
        Database database = Database.open(
                DatabaseUrl.parse(serverUrl.get() + separator + "currentSchema=" + schema).get());
        return new PostgresSchema(serverUrl.get(), schema, database);
    }

    /** A schema created for one test class and dropped with everything in it afterwards. */
    record PostgresSchema(String serverUrl, String schema, Database database) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the PostgreSQL test schema: " + e.getMessage(), e);
        }
    }
}

package bitalloc.adapters.persistence;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jooq.SQLDialect;

/**
 * A JDBC URL bitalloc can store into: an H2 database (the embedded default) or PostgreSQL.
 *
 * <p>H2 URLs always get the flags the generated code was built with (G4: without DATABASE_TO_LOWER every table
 * is upper-case and no query finds it), so {@code --db jdbc:h2:file:/tmp/x} just works, and the flag that makes a
 * commit durable before it returns ({@link #H2_DURABLE_COMMITS}). A flag the URL already sets is left as given.
 */
public record DatabaseUrl(String jdbcUrl, SQLDialect dialect) {

    /** Flags the jOOQ code was generated with; the runtime must use the same ones. */
    private static final List<String> GENERATED_CODE_FLAGS =
            List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH");
    /**
     * H2 keeps committed changes in memory and writes them to its file up to WRITE_DELAY (500 ms by default) later,
     * so a process killed abruptly loses transactions it had already acknowledged to clients (the crash test,
     * CrashRecoveryTest, found it). With 0, each commit is written to the file before it returns; the operating
     * system then keeps it if the process dies.
     */
    private static final String H2_DURABLE_COMMITS = "WRITE_DELAY=0";
    private static final List<String> H2_FLAGS = GENERATED_CODE_FLAGS.append(H2_DURABLE_COMMITS);

    public static Either<String, DatabaseUrl> parse(String url) {
        String trimmed = url == null ? "" : url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Either.right(new DatabaseUrl(withH2Flags(trimmed), SQLDialect.H2));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Either.right(new DatabaseUrl(trimmed, SQLDialect.POSTGRES));
        }
        return Either.left("unsupported database URL '" + trimmed
                + "': use jdbc:h2:file:<path> or jdbc:postgresql://<host>:<port>/<database>");
    }

    /**
     * The embedded default: an H2 file in the per-user data directory ({@link #dataDirectory}). AUTO_SERVER lets a
     * second process (a {@code bitalloc sql} next to a running service) open the same file.
     */
    public static DatabaseUrl embeddedDefault(UnaryOperator<String> environment, Path userHome) {
        Path file = dataDirectory(environment, userHome).resolve("bitalloc");
        return new DatabaseUrl(withH2Flags("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE"), SQLDialect.H2);
    }

    /** $BITALLOC_HOME if set, else $XDG_DATA_HOME/bitalloc, else ~/.local/share/bitalloc. */
    public static Path dataDirectory(UnaryOperator<String> environment, Path userHome) {
        return nonBlank(environment.apply("BITALLOC_HOME")).map(Path::of)
                .orElse(() -> nonBlank(environment.apply("XDG_DATA_HOME")).map(dir -> Path.of(dir, "bitalloc")))
                .getOrElse(() -> userHome.resolve(".local").resolve("share").resolve("bitalloc"));
    }

    private static Option<String> nonBlank(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    private static String withH2Flags(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return H2_FLAGS
                .filter(flag -> !upper.contains(";" + flag.substring(0, flag.indexOf('=') + 1).toUpperCase(Locale.ROOT)))
                .foldLeft(url, (withFlags, flag) -> withFlags + ";" + flag);
    }

    /** H2's default user; PostgreSQL takes its user from the URL or the connection defaults. */
    Option<String> defaultUser() {
        return dialect == SQLDialect.H2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";USER=")
                ? Option.some("sa") : Option.none();
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}

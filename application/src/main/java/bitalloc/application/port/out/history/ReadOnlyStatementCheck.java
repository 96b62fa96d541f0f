package bitalloc.application.port.out.history;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import java.util.Locale;

/**
 * The statement check every {@link ReadOnlyQuery} runs first: it accepts exactly one query and gives a clear
 * reason for anything else. It is a first line only; SQL implementations also run the query where the database
 * itself refuses writes, because no text check can know every database function.
 */
public final class ReadOnlyStatementCheck {

    private static final Set<String> QUERY_STARTS = HashSet.of("SELECT", "WITH", "VALUES", "TABLE");

    private static final Set<String> WRITING_KEYWORDS = HashSet.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT",
            "REVOKE", "COMMIT", "ROLLBACK", "SAVEPOINT", "CALL", "COPY", "EXECUTE", "INTO", "LOCK", "SHUTDOWN");

    /** Functions that read or write files, change settings or sequences, or act on other sessions. */
    private static final Set<String> UNSAFE_FUNCTIONS = HashSet.of(
            "CSVWRITE", "CSVREAD", "FILE_WRITE", "FILE_READ", "LINK_SCHEMA", "ABORT_SESSION", "CANCEL_SESSION",
            "NEXTVAL", "SETVAL", "SET_CONFIG", "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE",
            "LO_IMPORT", "LO_EXPORT", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF",
            "PG_ROTATE_LOGFILE", "DBLINK", "DBLINK_EXEC");

    private ReadOnlyStatementCheck() {
    }

    /** The query without its trailing semicolon, or why it is refused. */
    public static Either<QueryRefused, String> check(String sql) {
        if (sql == null || sql.isBlank()) {
            return refuse("the query is empty");
        }
        Either<QueryRefused, List<String>> tokens = tokens(sql);
        if (tokens.isLeft()) {
            return Either.left(tokens.getLeft());
        }
        List<String> words = tokens.get().dropWhile(t -> t.equals("("));
        if (words.isEmpty()) {
            return refuse("the query is empty");
        }
        if (!QUERY_STARTS.contains(words.head())) {
            return refuse("only a read-only query (SELECT, WITH, VALUES or TABLE) is allowed, not " + words.head());
        }
        int firstSemicolon = words.indexOf(";");
        if (firstSemicolon >= 0 && words.drop(firstSemicolon).exists(t -> !t.equals(";"))) {
            return refuse("only one statement is allowed");
        }
        return words.find(WRITING_KEYWORDS::contains)
                .map(word -> ReadOnlyStatementCheck.<String>refuse("the query contains " + word + ", which may write"))
                .orElse(() -> words.find(UNSAFE_FUNCTIONS::contains)
                        .map(word -> refuse("the function " + word + " is not allowed in a read-only query")))
                .getOrElse(() -> Either.right(withoutTrailingSemicolons(sql)));
    }

    private static <T> Either<QueryRefused, T> refuse(String reason) {
        return Either.left(new QueryRefused.NotReadOnly("refused: " + reason));
    }

    private static String withoutTrailingSemicolons(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    /**
     * Upper-cased bare words plus "(" and ";" tokens, skipping comments, string literals and quoted identifiers
     * (a quoted "update" column is a name, not a keyword).
     */
    private static Either<QueryRefused, List<String>> tokens(String sql) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = indexOrEnd(sql, "\n", i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return refuse("a comment is not closed");
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i);
                if (end < 0) {
                    return refuse("a quoted text is not closed");
                }
                i = end + 1;
            } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
                return refuse("dollar-quoted text is not supported");
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                if (c == '(' || c == ';') {
                    tokens.add(String.valueOf(c));
                }
                i++;
            }
        }
        return Either.right(List.ofAll(tokens));
    }

    private static int indexOrEnd(String sql, String needle, int from) {
        int found = sql.indexOf(needle, from);
        return found < 0 ? sql.length() : found;
    }

    /** Index of the quote closing the one at {@code open}; a doubled quote is an escaped quote. */
    private static int closingQuote(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}

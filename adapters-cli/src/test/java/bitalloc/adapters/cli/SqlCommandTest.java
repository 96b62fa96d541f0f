package bitalloc.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.history.QueryResult;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The sql command's output formats and exit codes, over a fake store. */
class SqlCommandTest {

    static final QueryResult RESULT = new QueryResult(List.of("host", "max_gb", "scans", "last_at"), List.of(
            List.of("home", new BigDecimal("32.00"), 120L, Instant.parse("2026-01-02T03:04:05Z")),
            List.of("pserv-long-name", new BigDecimal("1024.50"), 7L, null)));

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Option<String> urlAsked = Option.none();
    String sqlAsked;

    int answering(ReadOnlyQuery query, String... args) {
        StoreAccess store = url -> {
            urlAsked = url;
            return Either.right(new StoreAccess.QuerySession() {
                @Override
                public ReadOnlyQuery query() {
                    return sql -> {
                        sqlAsked = sql;
                        return query.run(sql);
                    };
                }

                @Override
                public void close() {
                }
            });
        };
        return runOn(store, args);
    }

    int runOn(StoreAccess store, String... args) {
        CommandLine commandLine = BitallocCli.commandLine(store,
                (spec, progress) -> io.vavr.control.Either.left("no simulator in this test"),
                (spec, notices) -> io.vavr.control.Either.left("no live game in this test"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void prints_an_aligned_table_with_numbers_on_the_right_and_a_row_count() {
        int exit = answering(sql -> Either.right(RESULT), "sql", "SELECT * FROM host_scans");
        assertEquals(0, exit);
        assertEquals(String.join("\n",
                "host            | max_gb  | scans | last_at",
                "----------------+---------+-------+---------------------",
                "home            |   32.00 |   120 | 2026-01-02T03:04:05Z",
                "pserv-long-name | 1024.50 |     7 |",
                "(2 rows)", ""), out.toString());
        assertEquals("SELECT * FROM host_scans", sqlAsked);
        assertEquals(Option.none(), urlAsked);
    }

    @Test
    void prints_csv_and_json_for_other_programs() {
        QueryResult awkward = new QueryResult(List.of("detail", "n"), List.of(List.of("a, \"b\"", 1L)));
        answering(sql -> Either.right(awkward), "sql", "SELECT 1", "--format", "csv", "--db", "jdbc:h2:file:/tmp/x");
        assertEquals("detail,n\n\"a, \"\"b\"\"\",1\n", out.toString());
        assertEquals(Option.some("jdbc:h2:file:/tmp/x"), urlAsked);
        out.getBuffer().setLength(0);
        answering(sql -> Either.right(RESULT), "sql", "SELECT 1", "--format", "JSON");
        assertEquals("[{\"host\":\"home\",\"max_gb\":32.00,\"scans\":120,\"last_at\":\"2026-01-02T03:04:05Z\"},\n"
                + "{\"host\":\"pserv-long-name\",\"max_gb\":1024.50,\"scans\":7,\"last_at\":null}]\n", out.toString());
    }

    @Test
    void a_refused_statement_exits_3_with_one_line_on_stderr() {
        int exit = answering(sql -> Either.left(new QueryRefused.NotReadOnly("refused: the query contains DELETE")),
                "sql", "DELETE FROM host_scan");
        assertEquals(ExitCodes.REFUSED, exit);
        assertEquals("bitalloc: refused: the query contains DELETE\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void a_sql_error_exits_4_and_an_unreachable_store_exits_5() {
        assertEquals(ExitCodes.SQL_ERROR, answering(sql -> Either.left(new QueryRefused.SqlError("SQL error: no table")),
                "sql", "SELECT * FROM nothing"));
        int exit = runOn(url -> Either.left("unsupported database URL 'mysql://x'"), "sql", "SELECT 1", "--db",
                "mysql://x");
        assertEquals(ExitCodes.STORE_UNAVAILABLE, exit);
        assertEquals("bitalloc: unsupported database URL 'mysql://x'", err.toString().lines().reduce((a, b) -> b)
                .orElse(""));
    }

    @Test
    void an_unknown_format_is_a_usage_error() {
        assertEquals(ExitCodes.USAGE, answering(sql -> Either.right(RESULT), "sql", "SELECT 1", "--format", "xml"));
    }

    @Test
    void history_filters_its_summary_by_the_time_range() {
        int exit = answering(sql -> Either.right(RESULT), "history", "utilization", "--since", "2h", "--until",
                "2026-02-01T00:00:00Z");
        assertEquals(0, exit);
        String expectedRange = "occurred_at >= TIMESTAMP WITH TIME ZONE '1969-12-31 22:00:00.000000+00:00'"
                + " AND occurred_at < TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00.000000+00:00'";
        assertEquals(true, sqlAsked.contains("FROM host_scans WHERE " + expectedRange), sqlAsked);
    }

    @Test
    void history_refuses_an_unknown_summary_or_time() {
        assertEquals(ExitCodes.USAGE, answering(sql -> Either.right(RESULT), "history", "money"));
        assertEquals(ExitCodes.USAGE, answering(sql -> Either.right(RESULT), "history", "outcomes", "--since", "yesterday"));
    }
}

package bitalloc.adapters.cli;

import io.vavr.collection.List;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bitalloc history <summary>}: ready-made questions over the history views, for a time range. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Prints a ready-made summary of the history:",
            "  utilisation  RAM allocated over usable RAM (max - set-aside - foreign), per host",
            "  outcomes     how tasks ended, per target (launched, confirmed, timed out, killed, failed, clashes)",
            "  clashes      launches the game refused for lack of RAM, and allocation refusals"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the summary was printed", "2:wrong options", "4:the database rejected the query",
            "5:the store could not be opened"})
final class HistoryCommand implements Callable<Integer> {

    private final StoreAccess store;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUMMARY", description = "utilisation, outcomes or clashes",
            converter = SummaryConverter.class)
    Summary summary;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:h2:file:<path> or jdbc:postgresql://...; default: the embedded H2 file")
    String database;

    @Option(names = "--since", paramLabel = "WHEN", description = "start: 2026-01-31T18:00:00Z, or back from now: 90m, 2h, 1d")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "end (exclusive), same forms as --since")
    String until;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json", converter = SqlCommand.FormatConverter.class)
    OutputFormat format;

    HistoryCommand(StoreAccess store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String range = timeRange();
        return QueryPrinter.run(store, io.vavr.control.Option.of(database), summary.sql(range), format,
                spec.commandLine());
    }

    /** A condition on occurred_at for the views, "1 = 1" when no bound is given. */
    private String timeRange() {
        List<String> conditions = List.<String>empty()
                .appendAll(io.vavr.control.Option.of(since)
                        .map(s -> "occurred_at >= " + TimeBound.sqlLiteral(bound(s))))
                .appendAll(io.vavr.control.Option.of(until)
                        .map(u -> "occurred_at < " + TimeBound.sqlLiteral(bound(u))));
        return conditions.isEmpty() ? "1 = 1" : conditions.mkString(" AND ");
    }

    private Instant bound(String text) {
        try {
            return TimeBound.parse(text, clock);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The summaries; each is one query over the documented views, filtered by the time range. */
    enum Summary {
        UTILISATION("SELECT host, kind, COUNT(*) AS scans,"
                + " CAST(AVG(allocated_gb) AS DECIMAL(20, 2)) AS avg_allocated_gb,"
                + " CAST(AVG(max_gb - set_aside_gb - foreign_gb) AS DECIMAL(20, 2)) AS avg_usable_gb,"
                + " CAST(SUM(allocated_gb) / NULLIF(SUM(max_gb - set_aside_gb - foreign_gb), 0) AS DECIMAL(10, 4))"
                + " AS utilization"
                + " FROM host_scans WHERE %s GROUP BY host, kind ORDER BY host"),
        OUTCOMES("SELECT target,"
                + " SUM(CASE WHEN kind = 'LAUNCHED' THEN 1 ELSE 0 END) AS launched,"
                + " SUM(CASE WHEN kind = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,"
                + " SUM(CASE WHEN kind = 'FINISHED' THEN 1 ELSE 0 END) AS finished,"
                + " SUM(CASE WHEN kind = 'TIMED_OUT' THEN 1 ELSE 0 END) AS timed_out,"
                + " SUM(CASE WHEN kind = 'KILLED' THEN 1 ELSE 0 END) AS killed,"
                + " SUM(CASE WHEN kind = 'FAILED' THEN 1 ELSE 0 END) AS failed,"
                + " SUM(CASE WHEN kind = 'CLASH' THEN 1 ELSE 0 END) AS clashes,"
                + " SUM(CASE WHEN kind = 'ADOPTED' THEN 1 ELSE 0 END) AS adopted"
                + " FROM task_events WHERE target IS NOT NULL AND %s GROUP BY target ORDER BY target"),
        CLASHES("SELECT what, subject, times, first_at, last_at FROM ("
                + " SELECT 'clash' AS what, target AS subject, COUNT(*) AS times,"
                + " MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at"
                + " FROM task_events WHERE kind = 'CLASH' AND %1$s GROUP BY target"
                + " UNION ALL"
                + " SELECT 'refused: ' || reason AS what, requester AS subject, COUNT(*) AS times,"
                + " MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at"
                + " FROM allocation_refusals WHERE %1$s GROUP BY reason, requester"
                + ") AS problems ORDER BY times DESC, what, subject");

        private final String template;

        Summary(String template) {
            this.template = template;
        }

        String sql(String timeRange) {
            return String.format(java.util.Locale.ROOT, template, timeRange);
        }
    }

    /** Accepts the summary names in any case, and the American spelling. */
    static final class SummaryConverter implements CommandLine.ITypeConverter<Summary> {
        @Override
        public Summary convert(String value) {
            String name = value.toUpperCase(java.util.Locale.ROOT).replace("UTILIZATION", "UTILISATION");
            try {
                return Summary.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "expected utilisation, outcomes or clashes, not '" + value + "'");
            }
        }
    }
}

package bitalloc.adapters.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bitalloc sql "<SELECT ...>"}: one read-only query against the store. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs one read-only query (SELECT, WITH, VALUES, TABLE) against the store and prints the rows.",
            "Views: host_scans, allocation_events, allocation_refusals, registration_events, task_events,",
            "utilization_per_host_minute, task_outcomes_per_target, timeouts_per_target."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rows were printed", "2:wrong options", "3:not a read-only query",
            "4:the database rejected the query", "5:the store could not be opened"})
final class SqlCommand implements Callable<Integer> {

    private final StoreAccess store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the SELECT to run, quoted as one argument")
    String query;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:h2:file:<path> or jdbc:postgresql://...; default: the embedded H2 file")
    String database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json", converter = FormatConverter.class)
    OutputFormat format;

    SqlCommand(StoreAccess store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        return QueryPrinter.run(store, io.vavr.control.Option.of(database), query, format, spec.commandLine());
    }

    /** Accepts the format names in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected table, csv or json, not '" + value + "'");
            }
        }
    }
}

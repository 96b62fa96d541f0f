package bitalloc.adapters.cli;

import io.vavr.control.Option;

/** Where a command keeps its state and history: {@code --db <jdbc url>}, or the embedded H2 file by default. */
public final class StoreOptions {

    @picocli.CommandLine.Option(names = "--db", description = "JDBC URL of the store, 'mem' for an in-memory store "
            + "that keeps no history (default: the embedded H2 file in the data directory)")
    String db;

    Option<String> jdbcUrl() {
        return Option.of(db);
    }
}

package bitalloc.adapters.cli;

import bitalloc.boot.StoreChoice;
import picocli.CommandLine.Option;

/** Where a command keeps its state and history: {@code --db <jdbc url>}, or {@code --db mem} for none. */
public final class StoreOptions {

    @Option(names = "--db", description = "JDBC URL of the store, or 'mem' to keep nothing (default: mem until the SQL store lands)")
    String db = "mem";

    StoreChoice choice() {
        return StoreChoice.inMemory();
    }
}

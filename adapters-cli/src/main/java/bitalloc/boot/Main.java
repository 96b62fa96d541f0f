package bitalloc.boot;

import bitalloc.adapters.cli.BitallocCli;
import java.time.Clock;

/** The {@code bitalloc} executable: wires the command line to the real adapters. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = BitallocCli.commandLine(new StoreBoot(System::getenv),
                new Simulations(System::getenv), new LiveGame(System::getenv), Clock.systemUTC()).execute(args);
        // Exit explicitly: HTTP servers and JDBC pools may keep non-daemon threads alive after main returns.
        System.exit(exitCode);
    }
}

package bitalloc.adapters.cli;

import bitalloc.application.config.BitallocConfig;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/** How {@code serve} starts bitalloc for the live game; the composition root supplies it. */
public interface LiveAccess {

    /**
     * Starts the HTTP API, the Remote API listener and the control loops. Left is a one-line reason (a port in
     * use, a store that cannot open). {@code notices} hears, on any thread, what the player should know later
     * (the game connected and the scripts were pushed, or what went wrong).
     */
    Either<String, Serving> start(Spec spec, Consumer<String> notices);

    /**
     * @param bind          the address both servers listen on
     * @param port          the HTTP API's port (0: any free one)
     * @param remoteApiPort the port the game's Remote API connects to (0: any free one)
     */
    record Spec(String bind, int port, int remoteApiPort, BitallocConfig config, Option<String> jdbcUrl) {
    }

    /** A running service; closing it stops the servers and the loops, flushes the history and closes the store. */
    interface Serving extends AutoCloseable {

        /** Where the in-game scripts reach the API (the URL written into config.js). */
        URI url();

        int remoteApiPort();

        Path tokenFile();

        /** The in-game scripts with config.js filled in (URL and token), for a manual install. */
        Path scriptsDirectory();

        /** The token itself, for tests; the player reads it from {@link #tokenFile()}. */
        String token();

        @Override
        void close();
    }
}

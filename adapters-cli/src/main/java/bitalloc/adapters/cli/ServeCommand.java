package bitalloc.adapters.cli;

import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bitalloc serve}: bitalloc for the live game. The in-game agent and scripts call the HTTP API; the game's
 * Remote API connects to install them. Runs until SIGTERM or Ctrl-C, then stops cleanly (history flushed, store
 * closed).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the live game: the HTTP API the in-game scripts call, and the Remote API port the game "
                + "connects to so bitalloc can install them.")
public final class ServeCommand implements Callable<Integer> {

    private final LiveAccess live;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP API port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 8420;

    @Option(names = "--remote-api-port", description = "port the game's Remote API connects to, 0 for any free one "
            + "(default: ${DEFAULT-VALUE})")
    int remoteApiPort = 12525;

    @Option(names = "--bind", description = "address to listen on; only this machine by default (default: ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Mixin
    ConfigOptions config;

    @Mixin
    StoreOptions store;

    ServeCommand(LiveAccess live) {
        this.live = live;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Either<String, LiveAccess.Serving> started = live.start(new LiveAccess.Spec(bind, port, remoteApiPort,
                config.toConfig(), store.jdbcUrl()), notice -> {
                    synchronized (out) {
                        out.println(notice);
                        out.flush();
                    }
                });
        if (started.isLeft()) {
            spec.commandLine().getErr().println("bitalloc serve: " + started.getLeft());
            return ExitCodes.USAGE;
        }
        LiveAccess.Serving serving = started.get();
        synchronized (out) {
            out.print(ServeText.started(serving, bind));
            out.flush();
        }
        return runUntilStopped(serving);
    }

    /** Waits for SIGTERM/Ctrl-C (a shutdown hook) or an interrupt, and closes the service exactly once. */
    private static int runUntilStopped(LiveAccess.Serving serving) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            serving.close();
            closed.countDown();
        }, "bitalloc-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            closed.await();
        } catch (InterruptedException stop) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                serving.close();
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook closes the service.
            }
            // Set again only now: the servers' stop waits, and would give up at once on an interrupted thread.
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}

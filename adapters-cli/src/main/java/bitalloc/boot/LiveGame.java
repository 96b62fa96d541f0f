package bitalloc.boot;

import bitalloc.adapters.cli.LiveAccess;
import bitalloc.adapters.http.BitallocHttpServer;
import bitalloc.adapters.http.HttpConfig;
import bitalloc.adapters.http.HttpModule;
import bitalloc.adapters.http.live.ExecutorScheduler;
import bitalloc.adapters.http.live.LiveModule;
import bitalloc.adapters.http.remote.PushListener;
import bitalloc.adapters.http.remote.PushReport;
import bitalloc.adapters.http.remote.RemoteApiConfig;
import bitalloc.adapters.http.remote.RemoteApiServer;
import bitalloc.adapters.http.remote.ScriptBundle;
import bitalloc.adapters.http.remote.ScriptFile;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.security.CorsPolicy;
import bitalloc.adapters.http.security.DataDirectory;
import bitalloc.adapters.http.security.TokenFile;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.service.ControlLoops;
import bitalloc.application.wiring.ApplicationModule;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.TaskScript;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.TaskScripts;
import bitalloc.ingame.IngameScript;
import bitalloc.ingame.IngameScripts;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} wired: the application over the live ports (the in-game agent pushes scans and runs launches),
 * the HTTP API and the Remote API listener, and the store. The selector launches the shipped task scripts under
 * their game paths, with the RAM each script states (and the node tests check against the game's calculation).
 */
public final class LiveGame implements LiveAccess {

    private static final Logger LOG = LoggerFactory.getLogger(LiveGame.class);
    private static final String GAME_SERVER = "home";
    private static final Duration REMOTE_API_REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final UnaryOperator<String> environment;

    public LiveGame(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The shipped task scripts as the selector launches them: their paths in the game and their stated RAM. */
    static TaskScripts shippedTaskScripts() {
        return new TaskScripts(shipped("bitalloc/till.js"), shipped("bitalloc/sow.js"),
                shipped("bitalloc/harvest.js"));
    }

    static FillerScript shippedFiller() {
        String file = "bitalloc/xp.js";
        return new FillerScript(file, Ram.parse(IngameScripts.documentedRam(file)
                .orElseThrow(() -> new IllegalStateException(file + " states no RAM"))));
    }

    private static TaskScript shipped(String file) {
        return new TaskScript(file, Ram.parse(IngameScripts.documentedRam(file)
                .orElseThrow(() -> new IllegalStateException(file + " states no RAM"))));
    }

    @Override
    public Either<String, Serving> start(Spec spec, Consumer<String> notices) {
        return Stores.open(spec.jdbcUrl(), environment).flatMap(store -> {
            Path dataDirectory = DatabaseUrl.dataDirectory(environment, Path.of(System.getProperty("user.home")));
            BitallocConfig withScripts = spec.config().withSelector(spec.config().selector()
                    .withTaskScripts(shippedTaskScripts()));
            BitallocConfig config = withScripts.filler().isEmpty() ? withScripts
                    : withScripts.withFiller(io.vavr.control.Option.some(shippedFiller()));
            Injector injector = Guice.createInjector(StrictModules.of(
                    new ApplicationModule(config),
                    new LiveModule(LiveModule.DEFAULT_AGENT_ANSWER_TIMEOUT),
                    new HttpModule(),
                    store.module(store.history()),
                    new ServeModule(spec, new DataDirectory(dataDirectory), report -> notices.accept(
                            describe(report, config.selector().taskScripts())))));
            Running running = new Running(injector, store, dataDirectory);
            try {
                running.start();
                return Either.right(running);
            } catch (Exception e) {
                running.close();
                return Either.left("cannot start: " + e.getMessage());
            }
        });
    }

    /** What the root binds for the HTTP adapter: where to listen, the token's directory, what to push. */
    private static final class ServeModule extends AbstractModule {
        private final Spec spec;
        private final DataDirectory dataDirectory;
        private final PushListener pushes;

        ServeModule(Spec spec, DataDirectory dataDirectory, PushListener pushes) {
            this.spec = spec;
            this.dataDirectory = dataDirectory;
            this.pushes = pushes;
        }

        @Override
        protected void configure() {
            bind(HttpConfig.class).toInstance(new HttpConfig(spec.bind(), spec.port(), CorsPolicy.DEFAULT_ORIGINS,
                    HttpConfig.DEFAULT_LONGEST_POLL, HttpConfig.DEFAULT_MAX_BODY_BYTES));
            bind(RemoteApiConfig.class).toInstance(new RemoteApiConfig(spec.bind(), spec.remoteApiPort(),
                    GAME_SERVER, REMOTE_API_REPLY_TIMEOUT, CorsPolicy.DEFAULT_ORIGINS));
            bind(DataDirectory.class).toInstance(dataDirectory);
            bind(PushListener.class).toInstance(pushes);
        }

        /** Asked for once the HTTP server listens, so config.js names its real port. */
        @Provides
        ScriptBundle scripts(BitallocHttpServer http, BearerToken token) {
            return new ScriptBundle(List.ofAll(IngameScripts.forServer(urlOf(http), token.reveal()))
                    .map(script -> new ScriptFile(script.gameFileName(), script.content())));
        }
    }

    /** The scripts reach the API on this machine: a wildcard bind is reached through loopback. */
    static URI urlOf(BitallocHttpServer http) {
        String host = http.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.port());
    }

    static String describe(PushReport report, TaskScripts planned) {
        if (report instanceof PushReport.Failed failed) {
            return "The game connected, but installing the scripts failed at " + failed.method() + " "
                    + failed.filename() + ": " + failed.error();
        }
        PushReport.Installed installed = (PushReport.Installed) report;
        StringBuilder text = new StringBuilder("The game connected: " + installed.scripts().size()
                + " scripts installed on " + installed.server() + ". In the game's terminal: run "
                + IngameScripts.AGENT_FILE);
        for (PushReport.ScriptRam script : installed.scripts()) {
            for (TaskScript task : List.of(planned.till(), planned.sow(), planned.harvest())) {
                if (task.file().equals(script.filename()) && !task.ram().equals(script.ramPerThread())) {
                    text.append(System.lineSeparator()).append("  warning: the game says ").append(task.file())
                            .append(" needs ").append(script.ramPerThread().toGbString()).append(" GB per thread; ")
                            .append("bitalloc plans with ").append(task.ram().toGbString()).append(" GB");
                }
            }
        }
        return text.toString();
    }

    /** One running service; closed once, by Ctrl-C/SIGTERM or by its caller. */
    private static final class Running implements Serving {
        private final Injector injector;
        private final Store store;
        private final Path dataDirectory;
        private final AtomicBoolean closed = new AtomicBoolean();
        private BitallocHttpServer http;
        private RemoteApiServer remote;

        Running(Injector injector, Store store, Path dataDirectory) {
            this.injector = injector;
            this.store = store;
            this.dataDirectory = dataDirectory;
        }

        /**
         * Recovery runs before the port opens: after a restart the agent and the task scripts call again at once,
         * and a grant or registration made before the restore would be lost to it, or make it fail (the crash test,
         * CrashRecoveryTest, caught both).
         */
        void start() throws Exception {
            injector.getInstance(ControlLoops.class).startWithPushedScans();
            http = injector.getInstance(BitallocHttpServer.class).start();
            writeScripts();
            remote = injector.getInstance(RemoteApiServer.class).start();
        }

        @Override
        public URI url() {
            return urlOf(http);
        }

        @Override
        public int remoteApiPort() {
            return remote.port();
        }

        @Override
        public Path tokenFile() {
            return dataDirectory.resolve(TokenFile.FILE_NAME);
        }

        @Override
        public String token() {
            return injector.getInstance(BearerToken.class).reveal();
        }

        @Override
        public Path scriptsDirectory() {
            return dataDirectory.resolve("ingame");
        }

        /** config.js holds the token: the directory is the player's alone (0700), like the token file. */
        private void writeScripts() throws IOException {
            Path root = scriptsDirectory();
            if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
            for (IngameScript script : IngameScripts.forServer(url(), token())) {
                Path file = root.resolve(script.gameFileName());
                Files.createDirectories(file.getParent());
                Files.writeString(file, script.content());
            }
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            quietly("the Remote API server", remote);
            quietly("the HTTP server", http);
            quietly("the control loops", injector.getInstance(ExecutorScheduler.class));
            quietly("the store", store::close);
        }

        private static void quietly(String what, AutoCloseable resource) {
            if (resource == null) {
                return;
            }
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", what, e.getMessage());
            }
        }
    }
}

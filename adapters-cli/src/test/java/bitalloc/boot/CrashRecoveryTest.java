package bitalloc.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's crash test: {@code bitalloc serve} runs in a child JVM on an H2 file while this test plays the in-game
 * agent and scripts over a small fake world; at a seeded moment in the middle of that load the child is killed with
 * SIGKILL. Then (a) the store, opened from the same file, holds every change that was acknowledged, and (b) a
 * restarted {@code serve} on the same file and port adopts the task scripts still running in the world and never
 * launches a second task for their targets, during its recovery window or after it.
 *
 * <p>Replay a failure with {@code -Dbitalloc.crash.seed=<seed>} (printed with every failure).
 */
class CrashRecoveryTest {

    private static final long DEFAULT_SEED = 20_261_122L;
    private static final Duration START_PATIENCE = Duration.ofSeconds(30);
    private static final Duration LOAD_PATIENCE = Duration.ofSeconds(30);
    private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(20);
    /** Shorter than the defaults' polls so a few seconds of load carry many launches; timeouts left generous. */
    private static final List<String> SERVE_OPTIONS =
            List.of("--tick", "200ms", "--launch-timeout", "5s", "--heartbeat-timeout", "6s");

    @TempDir
    Path home;

    private final long began = System.nanoTime();
    private volatile String lastTargets = "none";
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final List<ServeChild> children = new ArrayList<>();
    private final List<Throwable> loadErrors = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService load = Executors.newScheduledThreadPool(5, runnable -> {
        Thread thread = new Thread(runnable, "in-game-load");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop_everything() {
        load.shutdownNow();
        children.forEach(ServeChild::close);
    }

    @Test
    void a_kill_9_loses_no_acknowledged_change_and_the_restarted_service_adopts_its_tasks_without_duplicates()
            throws Exception {
        long seed = Long.getLong("bitalloc.crash.seed", DEFAULT_SEED);
        try {
            crashAndRecover(seed);
        } catch (AssertionError | RuntimeException failure) {
            load.shutdownNow();
            children.forEach(ServeChild::stop);
            String n = System.lineSeparator();
            throw new AssertionError("seed " + seed + " (replay with -Dbitalloc.crash.seed=" + seed + "): "
                    + failure.getMessage() + n + "---- timeline:" + n + String.join(n, timeline) + n
                    + "---- last GET /targets: " + lastTargets + n + childrenOutput() + n
                    + taskEvents(home.resolve("db")), failure);
        }
    }

    private void crashAndRecover(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path database = home.resolve("db");
        ServeChild first = serve("serve (to be killed)", database, 0);
        URI api = first.awaitApi(START_PATIENCE);
        note("serve started at " + api);
        String token = Files.readString(home.resolve("token")).trim();
        LiveApiClient client = new LiveApiClient(api, token);

        FakeWorld world = FakeWorld.standard();
        AcknowledgedChanges acknowledged = new AcknowledgedChanges();
        Progress progress = new Progress();
        FakeAgent agent = new FakeAgent(world, client, acknowledged, progress, sessionKey(random));
        LoadGate agentGate = new LoadGate();
        LoadGate scriptGate = new LoadGate();
        agent.startOnHome();
        FakeScripts scripts = FakeScripts.start(world, client, acknowledged, agent);
        runLoad(agent, scripts, agentGate, scriptGate, progress, random);

        // The crash: at a seeded point in the load, with task scripts running and calls in flight.
        int crashAfter = 40 + random.nextInt(80);
        progress.awaitUntil(crashAfter + " acknowledged changes with two task scripts running", LOAD_PATIENCE,
                () -> acknowledged.count() >= crashAfter && agent.tasks().size() >= 2);
        int exit = first.killAbruptly();
        agentGate.close();
        scriptGate.close();
        List<FakeAgent.FakeTask> running = agent.tasks();
        note("killed with SIGKILL after " + acknowledged.count() + " acknowledged changes: " + acknowledged.summary()
                + "; task scripts running " + describe(running) + "; launches " + agent.launches());
        assertEquals(ServeChild.KILLED_BY_SIGKILL, exit, "serve died by SIGKILL");

        // (a) Every acknowledged change is in the durable state.
        assertEquals(List.of(), acknowledged.notReflectedIn(load(database)),
                "acknowledged changes missing from the store after kill -9 (" + acknowledged.summary() + ")");
        note("the store holds every acknowledged change");

        // (b) Restart on the same file and port; the agent and the scripts call again at once, as they retry.
        agent.servedByRestartedService();
        scripts.letTasksFinish(false);
        ServeChild second = serve("serve (restarted)", database, api.getPort());
        agentGate.open();
        scriptGate.open();
        second.awaitApi(START_PATIENCE);
        note("serve restarted");
        assertEquals(token, Files.readString(home.resolve("token")).trim(), "the token survives the restart");
        progress.awaitUntil("the restarted service to adopt " + describe(running), RECOVERY_PATIENCE,
                () -> adopted(client, running));
        note("every task script adopted");

        scriptGate.close();
        assertHoldsAtLeast(acknowledged.heldPerHost(), client);
        scriptGate.open();

        scripts.letTasksFinish(true);
        scripts.finishOne();
        progress.awaitUntil("a launch by the restarted service once its recovery window closed", RECOVERY_PATIENCE,
                () -> agent.launches().stream().anyMatch(launch -> launch.serveRun() == 2));
        note("first launch after the restart");
        long scansThen = agent.scans();
        progress.awaitUntil("ten more scans after the first new launch", RECOVERY_PATIENCE,
                () -> agent.scans() >= scansThen + 10);
        agentGate.close();
        scriptGate.close();
        second.stop();
        note("stopped; launches " + agent.launches());

        assertEquals(List.of(), loadErrors, "the in-game side failed");
        assertEquals(List.of(), agent.duplicates(), "launches for a target whose task script still ran");
        assertEquals(List.of(), agent.killsOfLiveTasks().stream().filter(kill -> kill.serveRun() == 2).toList(),
                "the restarted service killed task scripts it should have adopted");
        assertEquals(List.of(), acknowledged.forgotten(), "allocations the restarted service no longer knew");
        System.out.println("crash test, seed " + seed + ":" + System.lineSeparator()
                + String.join(System.lineSeparator(), timeline));
    }

    private ServeChild serve(String name, Path database, int port) {
        ServeChild child = ServeChild.start(name, home, database, port, SERVE_OPTIONS);
        children.add(child);
        return child;
    }

    /** The agent scans and serves commands, tasks beat, and two script loops act, each on its own seeded random. */
    private void runLoad(FakeAgent agent, FakeScripts scripts, LoadGate agentGate, LoadGate scriptGate,
                         Progress progress, SplittableRandom random) {
        agentGate.open();
        scriptGate.open();
        every(200, () -> agentGate.pass(agent::scan));
        every(50, () -> agentGate.pass(agent::serveCommands));
        every(400, () -> agentGate.pass(agent::heartbeats));
        for (int loop = 0; loop < 2; loop++) {
            SplittableRandom own = random.split();
            every(25, () -> scriptGate.pass(() -> {
                scripts.step(own);
                progress.signal();
            }));
        }
    }

    private void every(long millis, Runnable work) {
        load.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException | AssertionError e) {
                loadErrors.add(e);
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    private static DurableState load(Path database) {
        Store store = Stores.sql(DatabaseUrl.parse("jdbc:h2:file:" + database).get());
        try {
            return store.state().load();
        } finally {
            store.close();
        }
    }

    /** GET /targets shows each task script alive at the kill as its target's active task, under its own pid. */
    private boolean adopted(LiveApiClient client, List<FakeAgent.FakeTask> tasks) {
        return client.get("/targets").filter(answer -> answer.is(200)).map(answer -> {
            JsonNode targets = answer.body().path("targets");
            lastTargets = targets.toString();
            return tasks.stream().allMatch(task -> {
                for (JsonNode target : targets) {
                    if (target.path("target").asText().equals(task.target().value())) {
                        return "active".equals(target.path("phase").asText())
                                && target.path("pid").asLong() == task.pid().value();
                    }
                }
                return false;
            });
        }).orElse(false);
    }

    /** GET /status: every host's allocated RAM covers the allocations acknowledged and not given back. */
    private static void assertHoldsAtLeast(Map<HostName, Ram> held, LiveApiClient client) {
        JsonNode status = client.get("/status").filter(answer -> answer.is(200))
                .orElseThrow(() -> new AssertionError("no status from the restarted service")).body();
        for (Map.Entry<HostName, Ram> expected : held.entrySet()) {
            Ram allocated = Ram.ZERO;
            for (JsonNode host : status.path("hosts")) {
                if (host.path("hostname").asText().equals(expected.getKey().value())) {
                    allocated = Ram.parse(host.path("allocated").decimalValue().toPlainString());
                }
            }
            assertTrue(allocated.isAtLeast(expected.getValue()), expected.getKey() + " shows " + allocated
                    + " allocated after the restart, acknowledged and held: " + expected.getValue() + "; " + status);
        }
    }

    /** The agent's key: its session's start in ms as 12 hex digits, then 20 random hex digits. */
    private static String sessionKey(SplittableRandom random) {
        return String.format("%012x%08x%012x", 1_763_700_000_000L, random.nextInt() & 0xffffffffL,
                random.nextLong() & 0xffffffffffffL);
    }

    private static String describe(List<FakeAgent.FakeTask> tasks) {
        return tasks.stream().map(task -> task.lifecycle() + " pid " + task.pid() + " for " + task.target())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The task events both runs wrote to the history (the killed run's last batch may be missing). */
    private static String taskEvents(Path database) {
        return new StoreBoot(name -> null).openForQueries(io.vavr.control.Option.some("jdbc:h2:file:" + database))
                .map(session -> {
                    try (session) {
                        return session.query().run("SELECT occurred_at, kind, target, lifecycle, pid, detail"
                                + " FROM task_events ORDER BY occurred_at").fold(Object::toString,
                                result -> result.rows().map(Object::toString).mkString("---- task events:"
                                        + System.lineSeparator(), System.lineSeparator(), ""));
                    }
                }).fold(reason -> "no task events: " + reason, events -> events);
    }

    private String childrenOutput() {
        return children.stream().map(ServeChild::output).collect(Collectors.joining(System.lineSeparator()));
    }

    /** A line of the run's timeline, shown with its time since the test began. */
    private void note(String what) {
        timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - began) / 1e9, what));
    }
}

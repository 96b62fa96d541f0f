package bitalloc.boot;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.ingame.IngameScripts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bitalloc/agent.js and the task scripts' heartbeats, played over the {@link FakeWorld}: pushes scans, takes the
 * launch and kill commands from the long poll, starts task scripts in the world and reports their pids, and beats
 * for every task alive. It notes every launch that names a target whose task script still runs: a duplicate.
 */
final class FakeAgent {

    static final String AGENT_FILE = "bitalloc/agent.js";
    static final List<String> TASK_FILES = List.of("bitalloc/till.js", "bitalloc/sow.js", "bitalloc/harvest.js");
    static final String FILLER_FILE = "bitalloc/xp.js";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int LONG_POLL_MS = 1_000;

    /** A task script running in the world; it requests RAM for its helpers like any script. */
    record FakeTask(Pid pid, HostName host, String filename, HostName target, String lifecycle,
                    ScriptRequester requester) {
    }

    record Launch(int serveRun, HostName target, Pid pid) {
        @Override
        public String toString() {
            return target + "(pid " + pid + ", run " + serveRun + ")";
        }
    }

    record Kill(int serveRun, Pid pid, Optional<HostName> target) {
    }

    private final FakeWorld world;
    private final LiveApiClient api;
    private final AcknowledgedChanges acknowledged;
    private final Progress progress;
    private final String session;
    private final Map<Pid, FakeTask> tasks = new ConcurrentHashMap<>();
    private final java.util.Set<Pid> fillers = ConcurrentHashMap.newKeySet();
    private final List<Launch> launches = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<Kill> killsOfLiveTasks = new ArrayList<>();
    private final AtomicLong scans = new AtomicLong();
    private volatile int serveRun = 1;

    FakeAgent(FakeWorld world, LiveApiClient api, AcknowledgedChanges acknowledged, Progress progress,
              String session) {
        this.world = world;
        this.api = api;
        this.acknowledged = acknowledged;
        this.progress = progress;
        this.session = session;
    }

    /** The agent starts on home and registers itself as a core service, after its first scan. */
    void startOnHome() {
        FakeWorld.Process agent = world.start(HostName.of("home"), AGENT_FILE, 1, ram(AGENT_FILE), List.of())
                .orElseThrow();
        if (!scan()) {
            throw new AssertionError("the first scan was not accepted");
        }
        ObjectNode registration = JSON.objectNode().put("hostname", "home").put("pid", agent.pid().value())
                .put("filename", AGENT_FILE).put("ram", FakeWorld.gb(agent.ram()));
        LiveApiClient.Answer answer = api.post("/registrations", registration)
                .orElseThrow(() -> new AssertionError("no answer to the agent's registration"));
        if (!answer.is(201)) {
            throw new AssertionError("the agent's registration was answered " + answer);
        }
        acknowledged.registered(agent.pid(), agent.host(), agent.ram());
    }

    /** Later answers come from the restarted service. */
    void servedByRestartedService() {
        serveRun = 2;
    }

    boolean scan() {
        boolean accepted = api.post("/scans", world.scanBody(session)).filter(answer -> answer.is(200)).isPresent();
        if (accepted) {
            scans.incrementAndGet();
            progress.signal();
        }
        return accepted;
    }

    /** One long poll, then every command it brought, each result reported at once. */
    void serveCommands() {
        Optional<LiveApiClient.Answer> answer = api.get("/agent/commands?wait=" + LONG_POLL_MS);
        if (answer.isEmpty() || !answer.get().is(200)) {
            return;
        }
        for (JsonNode command : answer.get().body().path("commands")) {
            ObjectNode result = "launch".equals(command.path("type").asText()) ? launch(command) : kill(command);
            api.post("/agent/commands/" + command.path("id").asText() + "/result", result);
            // A task script sends its first heartbeat as soon as it starts.
            if (result.has("pid") && "launch".equals(command.path("type").asText())) {
                heartbeat(tasks.get(Pid.of(result.path("pid").asLong())));
            }
        }
        progress.signal();
    }

    private ObjectNode launch(JsonNode command) {
        HostName host = HostName.of(command.path("hostname").asText());
        String filename = command.path("filename").asText();
        List<String> args = new ArrayList<>();
        command.path("args").forEach(arg -> args.add(arg.asText()));
        if (filename.equals(FILLER_FILE)) {
            return startFiller(host, filename, command, args);
        }
        FakeWorld.Process probe = new FakeWorld.Process(Pid.of(1), host, filename, 1, Ram.ZERO, args);
        HostName target = probe.target().orElseThrow(() -> new AssertionError("a launch without --target: " + command));
        synchronized (this) {
            world.taskFor(target, TASK_FILES).ifPresent(alive -> duplicates.add("run " + serveRun + ": launch of "
                    + filename + " for " + target + " while task pid " + alive.pid() + " runs (" + command + ")"));
        }
        Optional<FakeWorld.Process> started = world.start(host, filename, command.path("threads").asInt(1),
                ram(filename), args);
        if (started.isEmpty()) {
            return JSON.objectNode().put("failure", "not-enough-ram").put("detail", "exec answered 0");
        }
        Pid pid = started.get().pid();
        String lifecycle = filename.substring(filename.lastIndexOf('/') + 1, filename.length() - ".js".length());
        FakeTask task = new FakeTask(pid, host, filename, target, lifecycle, new ScriptRequester(pid, host, target));
        tasks.put(pid, task);
        synchronized (this) {
            launches.add(new Launch(serveRun, target, pid));
        }
        return JSON.objectNode().put("pid", pid.value());
    }

    /** A filler holds its RAM and does nothing else: no heartbeat, no allocation of its own. */
    private ObjectNode startFiller(HostName host, String filename, JsonNode command, List<String> args) {
        Optional<FakeWorld.Process> started = world.start(host, filename, command.path("threads").asInt(1),
                ram(filename), args);
        if (started.isEmpty()) {
            return JSON.objectNode().put("failure", "not-enough-ram").put("detail", "exec answered 0");
        }
        fillers.add(started.get().pid());
        return JSON.objectNode().put("pid", started.get().pid().value());
    }

    private ObjectNode kill(JsonNode command) {
        Pid pid = Pid.of(command.path("pid").asLong());
        FakeTask task = tasks.remove(pid);
        synchronized (this) {
            if (world.isRunning(pid) && !fillers.remove(pid)) {
                killsOfLiveTasks.add(new Kill(serveRun, pid, Optional.ofNullable(task).map(FakeTask::target)));
            }
        }
        if (task != null) {
            FakeScripts.endAbruptly(task.requester(), world, acknowledged);
        }
        return world.kill(pid) ? JSON.objectNode().put("pid", pid.value())
                : JSON.objectNode().put("failure", "no-such-process").put("detail", "no process with pid " + pid);
    }

    /** Every live task script sends its heartbeat. */
    void heartbeats() {
        tasks.values().forEach(this::heartbeat);
    }

    private void heartbeat(FakeTask task) {
        if (task == null) {
            return;
        }
        // A task beats from its own loop, never while it is finishing: one thing at a time per script.
        task.requester().busy.lock();
        try {
            if (tasks.containsKey(task.pid())) {
                api.post("/heartbeats", taskBody(task));
            }
        } finally {
            task.requester().busy.unlock();
        }
    }

    /** A task that gave back all its RAM ends and tells bitalloc it completed. */
    void finished(FakeTask task) {
        tasks.remove(task.pid());
        world.kill(task.pid());
        api.post("/tasks/finished", taskBody(task).put("outcome", "completed"));
    }

    private static ObjectNode taskBody(FakeTask task) {
        return JSON.objectNode().put("pid", task.pid().value()).put("filename", task.filename())
                .put("target", task.target().value()).put("lifecycle", task.lifecycle());
    }

    List<FakeTask> tasks() {
        return List.copyOf(tasks.values());
    }

    long scans() {
        return scans.get();
    }

    synchronized List<Launch> launches() {
        return List.copyOf(launches);
    }

    synchronized List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    synchronized List<Kill> killsOfLiveTasks() {
        return List.copyOf(killsOfLiveTasks);
    }

    static Ram ram(String file) {
        return Ram.parse(IngameScripts.documentedRam(file)
                .orElseThrow(() -> new AssertionError(file + " states no RAM")));
    }
}

package bitalloc.application;

import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.game.Money;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.tag.AllocationTags;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Behaves like bitalloc's task scripts in the fake game: each asks RAM for its helpers (thread counts from its
 * arguments), runs them tagged, heartbeats every 2 s, and finishes a till or sow after six seconds.
 */
final class FakeTaskScripts {

    final class Task {
        final Pid pid;
        final HostName target;
        final Lifecycle lifecycle;
        final Instant started;
        Instant lastBeat;
        boolean silent;
        final java.util.List<Pid> helpers = new ArrayList<>();

        Task(Pid pid, HostName target, Lifecycle lifecycle, Instant started) {
            this.pid = pid;
            this.target = target;
            this.lifecycle = lifecycle;
            this.started = started;
            this.lastBeat = started.minusSeconds(10);
        }
    }

    private final TestBitalloc bitalloc;
    private final FakeGame game;
    final Map<Pid, Task> tasks = new LinkedHashMap<>();
    final java.util.List<Task> launched = new ArrayList<>();
    int helperRefusals;

    FakeTaskScripts(TestBitalloc bitalloc) {
        this.bitalloc = bitalloc;
        this.game = bitalloc.game;
    }

    /** Runs every task process of the game for one step of virtual time. */
    void step() {
        Instant now = bitalloc.clock.now();
        for (FakeGame.Process process : game.running()) {
            Lifecycle lifecycle = lifecycleOf(process.script());
            if (lifecycle != null && !tasks.containsKey(process.pid())) {
                Task task = new Task(process.pid(), target(process.args()), lifecycle, now);
                tasks.put(process.pid(), task);
                launched.add(task);
                startHelpers(process, task);
            }
        }
        for (Task task : new ArrayList<>(tasks.values())) {
            if (game.running().forAll(p -> !p.pid().equals(task.pid))) {
                task.helpers.forEach(game::exit);
                tasks.remove(task.pid);
                continue;
            }
            if (!task.silent && Duration.between(task.lastBeat, now).compareTo(Duration.ofSeconds(2)) >= 0) {
                bitalloc.get(RecordHeartbeat.class).heartbeat(new RecordHeartbeat.Command(task.pid,
                        process(task.lifecycle), task.target, task.lifecycle));
                task.lastBeat = now;
            }
            if (task.lifecycle != Lifecycle.HARVEST && Duration.between(task.started, now).getSeconds() >= 6) {
                finish(task);
            }
        }
    }

    /** Adopts task processes already running (after a restart of bitalloc) without starting new helpers. */
    void adoptRunning() {
        Instant now = bitalloc.clock.now();
        for (FakeGame.Process process : game.running()) {
            Lifecycle lifecycle = lifecycleOf(process.script());
            if (lifecycle != null) {
                tasks.putIfAbsent(process.pid(), new Task(process.pid(), target(process.args()), lifecycle, now));
            }
        }
    }

    private void startHelpers(FakeGame.Process process, Task task) {
        long threads = threadsFrom(process.args());
        String helper = task.lifecycle == Lifecycle.SOW ? "grow.js" : "weaken.js";
        AllocationRequest request = AllocationRequest.of(new Requester(process.host(), process.pid()), helper,
                Ram.parse("1.75"), (int) Math.max(1, Math.min(threads, 1000)));
        bitalloc.get(AllocateRam.class).allocate(new AllocateRam.Command(request)).peekLeft(r -> helperRefusals++)
                .forEach(allocation -> allocation.grants().forEach(grant -> game.launch(grant.host(), helper,
                        grant.chunks(), List.of(AllocationTags.FLAG + "=" + allocation.id()))
                        .forEach(task.helpers::add)));
    }

    private void finish(Task task) {
        if (task.lifecycle == Lifecycle.TILL) {
            game.setTarget(game.target(task.target).withSecurity(game.target(task.target).minSecurity()));
        } else {
            game.setTarget(game.target(task.target).withMoney(Money.of(game.target(task.target).maxMoney().dollars())));
        }
        task.helpers.forEach(game::exit);
        bitalloc.get(FinishTask.class).finish(new FinishTask.Command(task.target, task.lifecycle, task.pid));
        game.exit(task.pid);
        tasks.remove(task.pid);
    }

    private static long threadsFrom(List<String> args) {
        return args.filter(arg -> arg.startsWith("--") && arg.contains("Threads="))
                .map(arg -> Long.parseLong(arg.substring(arg.indexOf('=') + 1))).sum().longValue();
    }

    private static HostName target(List<String> args) {
        return args.find(arg -> arg.startsWith("--target=")).map(arg -> HostName.of(arg.substring(9))).get();
    }

    static String process(Lifecycle lifecycle) {
        return lifecycle.name().toLowerCase() + ".js";
    }

    static Lifecycle lifecycleOf(String script) {
        return switch (script) {
            case "till.js" -> Lifecycle.TILL;
            case "sow.js" -> Lifecycle.SOW;
            case "harvest.js" -> Lifecycle.HARVEST;
            default -> null;
        };
    }
}

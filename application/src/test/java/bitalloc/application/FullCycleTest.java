package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.history.HistoryEvent;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole application, wired by Guice over in-memory fakes, drives one target through till → sow → harvest. */
class FullCycleTest {

    private static final HostName TARGET = HostName.of("joesguns");

    /** How a fake task script behaves: ask RAM for helpers, run them, heartbeat, finish after a while. */
    private final class FakeTask {
        final Pid pid;
        final Lifecycle lifecycle;
        final Instant started;
        Instant lastBeat;
        final java.util.List<Pid> helpers = new ArrayList<>();

        FakeTask(Pid pid, Lifecycle lifecycle, Instant started) {
            this.pid = pid;
            this.lifecycle = lifecycle;
            this.started = started;
            this.lastBeat = started.minusSeconds(10);
        }
    }

    private final FakeGame game = new FakeGame()
            .host("home", 64).host("n00dles", 32).host("foodnstuff", 32)
            .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
            .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
            .target(FakeGame.server("joesguns", 15, 5, 100_000, 1_000_000));
    private final TestBitalloc bitalloc = new TestBitalloc(game, BitallocConfig.defaults());
    private final Map<Pid, FakeTask> tasks = new HashMap<>();
    private final java.util.List<Lifecycle> launchedPhases = new ArrayList<>();

    @Test
    void one_target_goes_through_till_sow_and_harvest_without_a_single_refused_launch() {
        bitalloc.get(Recover.class).recover();
        Duration step = Duration.ofMillis(500);
        for (int i = 0; i < 240 && !harvestConfirmed(); i++) {
            bitalloc.clock.advance(step);
            if (i % 4 == 0) {
                bitalloc.get(PollNetwork.class).poll();
            }
            bitalloc.get(TickSelector.class).tick();
            runTasks();
        }

        assertEquals(List.of(Lifecycle.TILL, Lifecycle.SOW, Lifecycle.HARVEST), List.ofAll(launchedPhases));
        assertTrue(harvestConfirmed(), "the harvest task was confirmed by its heartbeat");
        assertEquals(0, game.refusedForRam, "the game never refused one of bitalloc's launches for RAM");
        List<HistoryEvent.TaskEventKind> kinds = bitalloc.history.events()
                .filter(e -> e instanceof HistoryEvent.TaskEvent).map(e -> ((HistoryEvent.TaskEvent) e).kind());
        assertTrue(kinds.containsAll(List.of(HistoryEvent.TaskEventKind.LAUNCHED,
                HistoryEvent.TaskEventKind.CONFIRMED, HistoryEvent.TaskEventKind.FINISHED)), kinds.toString());
    }

    private boolean harvestConfirmed() {
        return bitalloc.history.events().exists(e -> e instanceof HistoryEvent.TaskEvent t
                && t.kind() == HistoryEvent.TaskEventKind.CONFIRMED && launchedPhases.contains(Lifecycle.HARVEST)
                && tasks.values().stream().anyMatch(task -> task.lifecycle == Lifecycle.HARVEST));
    }

    private void runTasks() {
        Instant now = bitalloc.clock.now();
        for (FakeGame.Process process : game.running()) {
            Lifecycle lifecycle = lifecycleOf(process.script());
            if (lifecycle != null && !tasks.containsKey(process.pid())) {
                tasks.put(process.pid(), new FakeTask(process.pid(), lifecycle, now));
                launchedPhases.add(lifecycle);
                startHelpers(process, lifecycle);
            }
        }
        for (FakeTask task : new ArrayList<>(tasks.values())) {
            if (game.running().forAll(p -> !p.pid().equals(task.pid))) {
                continue;
            }
            if (Duration.between(task.lastBeat, now).compareTo(Duration.ofSeconds(2)) >= 0) {
                bitalloc.get(RecordHeartbeat.class).heartbeat(new RecordHeartbeat.Command(task.pid,
                        task.lifecycle.name().toLowerCase() + ".js", TARGET, task.lifecycle));
                task.lastBeat = now;
            }
            if (task.lifecycle != Lifecycle.HARVEST && Duration.between(task.started, now).getSeconds() >= 6) {
                finish(task);
            }
        }
    }

    private void startHelpers(FakeGame.Process task, Lifecycle lifecycle) {
        int threads = lifecycle == Lifecycle.HARVEST ? 4 : 6;
        String helper = lifecycle == Lifecycle.SOW ? "grow.js" : "weaken.js";
        AllocationRequest request = AllocationRequest.of(new Requester(task.host(), task.pid()), helper,
                Ram.parse("1.75"), threads).asShrinkable();
        bitalloc.get(AllocateRam.class).allocate(new AllocateRam.Command(request)).forEach(allocation ->
                allocation.grants().forEach(grant -> game.launch(grant.host(), helper, grant.chunks(),
                        List.of(AllocationTags.FLAG + "=" + allocation.id())).forEach(pid ->
                        tasks.get(task.pid()).helpers.add(pid))));
    }

    private void finish(FakeTask task) {
        if (task.lifecycle == Lifecycle.TILL) {
            game.setTarget(game.target(TARGET).withSecurity(game.target(TARGET).minSecurity()));
        } else {
            game.setTarget(game.target(TARGET).withMoney(Money.of(1_000_000)));
        }
        task.helpers.forEach(game::exit);
        bitalloc.get(FinishTask.class).finish(new FinishTask.Command(TARGET, task.lifecycle, task.pid));
        game.exit(task.pid);
    }

    private static Lifecycle lifecycleOf(String script) {
        return switch (script) {
            case "till.js" -> Lifecycle.TILL;
            case "sow.js" -> Lifecycle.SOW;
            case "harvest.js" -> Lifecycle.HARVEST;
            default -> null;
        };
    }
}

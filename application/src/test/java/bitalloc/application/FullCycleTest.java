package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryEvent.TaskEventKind;
import bitalloc.domain.selection.Lifecycle;
import io.vavr.collection.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole application, wired by Guice over in-memory fakes, drives one target through till → sow → harvest. */
class FullCycleTest {

    private final FakeGame game = new FakeGame()
            .host("home", 64).host("n00dles", 32).host("foodnstuff", 32)
            .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
            .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
            .target(FakeGame.server("joesguns", 15, 5, 100_000, 1_000_000));
    private final TestBitalloc bitalloc = new TestBitalloc(game, BitallocConfig.defaults());
    private final FakeTaskScripts scripts = new FakeTaskScripts(bitalloc);

    @Test
    void one_target_goes_through_till_sow_and_harvest_without_a_single_refused_launch() {
        bitalloc.get(Recover.class).recover();
        for (int i = 0; i < 240 && !harvestRunning(); i++) {
            bitalloc.clock.advance(Duration.ofMillis(500));
            if (i % 4 == 0) {
                bitalloc.get(PollNetwork.class).poll();
            }
            bitalloc.get(TickSelector.class).tick();
            scripts.step();
        }

        assertEquals(List.of(Lifecycle.TILL, Lifecycle.SOW, Lifecycle.HARVEST),
                List.ofAll(scripts.launched).map(task -> task.lifecycle));
        assertTrue(harvestRunning(), "the harvest task runs");
        assertEquals(0, game.refusedForRam, "the game never refused one of bitalloc's launches for RAM");
        List<TaskEventKind> kinds = bitalloc.history.events()
                .filter(e -> e instanceof HistoryEvent.TaskEvent).map(e -> ((HistoryEvent.TaskEvent) e).kind());
        assertTrue(kinds.containsAll(List.of(TaskEventKind.LAUNCHED, TaskEventKind.CONFIRMED,
                TaskEventKind.FINISHED)), kinds.toString());
    }

    private boolean harvestRunning() {
        return scripts.tasks.values().stream().anyMatch(task -> task.lifecycle == Lifecycle.HARVEST
                && !task.lastBeat.isBefore(task.started));
    }
}

package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.Recover;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorConfig;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spare RAM goes to the filler script and comes back whenever a task or its helpers need it. */
class SpareRamFillerTest {

    private static final BitallocConfig SMALL_HARVESTS = BitallocConfig.defaults().withSelector(
            SelectorConfig.defaults().withHarvest(Duration.ofMillis(200), 2, 0.1))
            .withFiller(Option.some(FillerScript.DEFAULT));

    private static FakeGame network() {
        return new FakeGame().host("home", 64).host("n00dles", 256).host("foodnstuff", 256)
                .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
                .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
                .script("xp.js", "1.75")
                .target(FakeGame.server("joesguns", 25, 5, 100_000, 1_000_000));
    }

    /** Recovers a bitalloc over {@code game} and runs it beside the fake task scripts for a minute of virtual time. */
    private static FakeTaskScripts runForAMinute(FakeGame game, BitallocConfig config) {
        TestBitalloc bitalloc = new TestBitalloc(game, config);
        FakeTaskScripts scripts = new FakeTaskScripts(bitalloc);
        bitalloc.get(Recover.class).recover();
        bitalloc.run(Duration.ofSeconds(60), scripts);
        return scripts;
    }

    @Test
    void ram_no_task_uses_runs_the_filler_on_the_target_and_the_tasks_still_get_every_helper() {
        FakeGame game = network().killingAtOnce();
        FakeTaskScripts scripts = runForAMinute(game, SMALL_HARVESTS);

        List<FakeGame.Process> fillers = game.running().filter(p -> p.script().equals("xp.js"));
        assertTrue(!fillers.isEmpty(), "spare RAM holds fillers");
        assertTrue(fillers.forAll(p -> p.args().head().equals("joesguns")), "fillers weaken the hackable target");
        assertTrue(fillers.forAll(p -> p.args().exists(arg -> arg.startsWith("--allocId="))), "fillers carry a tag");
        assertTrue(scripts.launched.stream().anyMatch(task -> task.lifecycle == Lifecycle.HARVEST),
                "the target went through till and sow to harvest beside the fillers: " + scripts.launched.size());
        assertEquals(0, scripts.helperRefusals, "every helper request got its RAM, fillers stopped for it");
        assertEquals(0, game.refusedForRam, "no launch was refused by the game");
        Ram capacity = Ram.ofGb(64 + 256 + 256);
        Ram held = List.of("home", "n00dles", "foodnstuff").map(HostName::of).map(game::used)
                .foldLeft(Ram.ZERO, Ram::plus);
        assertTrue(held.times(100).isAtLeast(capacity.times(80)),
                "at least 80 % of the network is in use, not " + held + " of " + capacity);
    }

    @Test
    void where_kills_free_ram_at_once_a_task_launch_stops_no_filler_its_script_does_not_need() {
        FakeGame game = network().killingAtOnce();
        FakeTaskScripts scripts = runForAMinute(game, SMALL_HARVESTS);

        // Each task script here fits beside the fillers. Its helpers stop fillers request by request; stopping them
        // for the whole task at launch only lent the same RAM again at the next tick.
        java.util.List<String> log = game.log;
        int taskLaunches = 0;
        for (int i = 0; i < log.size(); i++) {
            if (List.of("launch till.js", "launch sow.js", "launch harvest.js").contains(log.get(i))) {
                taskLaunches++;
                assertTrue(i == 0 || !log.get(i - 1).equals("kill xp.js"), "a filler was stopped for " + log.get(i)
                        + ": " + log.subList(Math.max(0, i - 4), i + 1));
            }
        }
        assertTrue(taskLaunches >= 3, "till, sow and harvest were launched: " + log);
        assertTrue(log.contains("kill xp.js"), "helpers still stopped fillers: " + log);
        assertEquals(0, scripts.helperRefusals, "every helper request got its RAM");
        assertEquals(0, game.refusedForRam, "no launch was refused by the game");
    }

    @Test
    void where_a_kill_is_not_seen_at_once_fillers_take_only_ram_no_task_was_promised() {
        FakeGame game = network();
        FakeTaskScripts scripts = runForAMinute(game, SMALL_HARVESTS);

        assertTrue(game.running().exists(p -> p.script().equals("xp.js")), "spare RAM holds fillers");
        assertEquals(0, scripts.helperRefusals, "fillers never stood in a helper's way");
        assertEquals(0, game.refusedForRam, "no launch was refused by the game");
    }

    @Test
    void without_a_filler_script_spare_ram_stays_free() {
        FakeGame game = network().killingAtOnce();
        FakeTaskScripts scripts = runForAMinute(game, SMALL_HARVESTS.withFiller(Option.none()));

        assertTrue(game.running().forAll(p -> !p.script().equals("xp.js")));
        assertTrue(scripts.launched.stream().anyMatch(task -> task.lifecycle == Lifecycle.HARVEST));
    }
}

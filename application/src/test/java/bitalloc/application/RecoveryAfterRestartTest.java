package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorConfig;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** T8 at the application's edge: a restart of bitalloc with live tasks launches nothing twice. */
class RecoveryAfterRestartTest {

    /** Small harvests, so that all three targets fit on the network at once. */
    private static final BitallocConfig CONFIG = BitallocConfig.defaults().withSelector(
            SelectorConfig.defaults().withHarvest(Duration.ofMillis(200), 2, 0.1));
    private static final Supplier<FakeGame> GAME = () -> new FakeGame()
            .host("home", 256).host("n00dles", 128).host("foodnstuff", 128)
            .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
            .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
            .target(FakeGame.server("joesguns", 5, 5, 1_000_000, 1_000_000))
            .target(FakeGame.server("sigma-cosmetics", 5, 5, 2_000_000, 2_000_000))
            .target(FakeGame.server("nectar-net", 5, 5, 3_000_000, 3_000_000));

    @Test
    void a_restart_with_three_live_tasks_adopts_them_and_launches_no_duplicate() {
        InMemoryStateStore store = new InMemoryStateStore();
        Run first = threeHarvestsRunning(store);
        int launchesBefore = first.scripts().launched.size();

        TestBitalloc second = restarted(store, first);
        FakeTaskScripts survivors = new FakeTaskScripts(second);
        survivors.adoptRunning();
        Recover.Recovery recovery = second.get(Recover.class).recover();
        second.run(Duration.ofSeconds(30), survivors);

        assertEquals(3, recovery.tasks(), "three tasks come back from the durable state");
        assertEquals(0, survivors.launched.size(), "no task script was launched again");
        assertEquals(launchesBefore, first.scripts().launched.size());
        assertAllAdopted(second);
    }

    @Test
    void restored_tasks_wait_for_the_first_scan_so_a_late_agent_cannot_outlast_their_recovery_window() {
        InMemoryStateStore store = new InMemoryStateStore();
        TestBitalloc second = restarted(store, threeHarvestsRunning(store));
        FakeTaskScripts survivors = new FakeTaskScripts(second);
        survivors.adoptRunning();
        second.get(Recover.class).recover();
        // The in-game agent retries with back-off while bitalloc is down: no scan and no heartbeat for 10 s, twice
        // the recovery window. The selector is told of the restored tasks only when the game is heard from.
        for (int tick = 0; tick < 20; tick++) {
            second.clock.advance(Duration.ofMillis(500));
            second.get(TickSelector.class).tick();
        }
        assertTrue(second.get(QueryStatus.class).status().targets().isEmpty(),
                "no target is known, so nothing can be launched, before the first scan");
        second.run(Duration.ofSeconds(30), survivors);

        assertEquals(0, survivors.launched.size(), "no task script was launched again");
        assertAllAdopted(second);
    }

    @Test
    void a_helper_refused_before_the_first_scan_does_not_kill_an_adopted_task() {
        InMemoryStateStore store = new InMemoryStateStore();
        TestBitalloc second = restarted(store, threeHarvestsRunning(store));
        second.get(Recover.class).recover();
        FakeGame.Process task = second.game.running().find(p -> p.script().equals("harvest.js")).get();
        second.get(RecordHeartbeat.class).heartbeat(new RecordHeartbeat.Command(task.pid(), task.script(),
                HostName.of(task.args().find(arg -> arg.startsWith("--target=")).get().substring(9)),
                Lifecycle.HARVEST));

        // No scan yet: the allocator has seen no host, so it refuses; that says nothing about the network.
        var refused = second.get(AllocateRam.class).allocate(new AllocateRam.Command(new AllocationRequest(
                new Requester(task.host(), task.pid()), "weaken.js", Ram.parse("1.75"), 4, false, false, false,
                false)));

        assertTrue(refused.isLeft(), refused.toString());
        assertTrue(second.game.running().exists(p -> p.pid().equals(task.pid())), "the task still runs");
        assertEquals(0, second.get(QueryStatus.class).status().counters().killed());
    }

    @Test
    void a_game_reload_while_bitalloc_is_down_leaves_one_task_per_target_though_pids_were_reused() {
        InMemoryStateStore store = new InMemoryStateStore();
        Run first = threeHarvestsRunning(store);
        FakeGame game = first.bitalloc().game;
        List<FakeGame.Process> harvests = game.running().filter(p -> p.script().equals("harvest.js"))
                .sortBy(p -> p.pid().value());
        // The game reloads while bitalloc is down. Pids restart at 1, so the player's saved harvest for the target
        // whose task had the highest pid can come back with the pid the stored state gives another target's task.
        FakeGame.Process restarted = harvests.last();
        Pid stale = harvests.head().pid();
        game.reload();
        for (long taken = 1; taken < stale.value(); taken++) {
            game.launch(HostName.of("home"), "hack.js", 1, List.empty()); // the player's scripts take the pids before
        }
        Pid reused = game.launch(restarted.host(), restarted.script(), restarted.threads(), restarted.args()).get();
        assertEquals(stale, reused);

        TestBitalloc second = restarted(store, first);
        FakeTaskScripts scripts = new FakeTaskScripts(second);
        scripts.adoptRunning();
        second.get(Recover.class).recover();
        second.run(Duration.ofSeconds(60), scripts);

        assertTrue(game.running().exists(p -> p.pid().equals(reused)), "the restarted harvest still runs");
        for (FakeGame.Process harvest : harvests) {
            String target = targetOf(harvest);
            assertEquals(1, game.running().count(p -> isTaskScript(p) && targetOf(p).equals(target)),
                    "one task script for " + target + ": " + game.running());
        }
    }

    private static boolean isTaskScript(FakeGame.Process process) {
        return List.of("till.js", "sow.js", "harvest.js").contains(process.script());
    }

    private static String targetOf(FakeGame.Process process) {
        return process.args().find(arg -> arg.startsWith("--target=")).get();
    }

    private record Run(TestBitalloc bitalloc, FakeTaskScripts scripts) {
    }

    /** Three small harvests running after a minute, their state in {@code store}. */
    private static Run threeHarvestsRunning(InMemoryStateStore store) {
        TestBitalloc first = new TestBitalloc(GAME.get(), CONFIG, store);
        FakeTaskScripts scripts = new FakeTaskScripts(first);
        first.get(Recover.class).recover();
        first.run(Duration.ofSeconds(60), scripts);
        assertEquals(3, scripts.tasks.values().stream().filter(t -> t.lifecycle == Lifecycle.HARVEST).count(),
                "three harvests run before the restart");
        return new Run(first, scripts);
    }

    /** A second bitalloc on the same store and game, its clock where the first one stopped. */
    private static TestBitalloc restarted(InMemoryStateStore store, Run before) {
        TestBitalloc second = new TestBitalloc(before.bitalloc().game, CONFIG, store);
        second.clock.advance(Duration.between(second.clock.now(), before.bitalloc().clock.now()));
        return second;
    }

    private static void assertAllAdopted(TestBitalloc bitalloc) {
        List<QueryStatus.TargetStatus> targets = bitalloc.get(QueryStatus.class).status().targets();
        assertTrue(targets.forAll(target -> target.state().equals("Running")), targets.toString());
        assertEquals(3, bitalloc.get(QueryStatus.class).status().counters().recovered());
    }
}

package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorConfig;
import io.vavr.collection.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** T8 at the application's edge: a restart of bitalloc with live tasks launches nothing twice. */
class RecoveryAfterRestartTest {

    @Test
    void a_restart_with_three_live_tasks_adopts_them_and_launches_no_duplicate() {
        FakeGame game = new FakeGame().host("home", 256).host("n00dles", 128).host("foodnstuff", 128)
                .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
                .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
                .target(FakeGame.server("joesguns", 5, 5, 1_000_000, 1_000_000))
                .target(FakeGame.server("sigma-cosmetics", 5, 5, 2_000_000, 2_000_000))
                .target(FakeGame.server("nectar-net", 5, 5, 3_000_000, 3_000_000));
        InMemoryStateStore store = new InMemoryStateStore();
        // Small harvests, so that all three targets fit on the network at once.
        BitallocConfig config = BitallocConfig.defaults().withSelector(
                SelectorConfig.defaults().withHarvest(Duration.ofMillis(200), 2, 0.1));
        TestBitalloc first = new TestBitalloc(game, config, store);
        FakeTaskScripts scripts = new FakeTaskScripts(first);
        first.get(Recover.class).recover();
        first.run(Duration.ofSeconds(60), scripts);
        assertEquals(3, scripts.tasks.values().stream().filter(t -> t.lifecycle == Lifecycle.HARVEST).count(),
                "three harvests run before the restart");
        int launchesBefore = scripts.launched.size();

        TestBitalloc second = new TestBitalloc(game, config, store);
        second.clock.advance(Duration.between(second.clock.now(), first.clock.now()));
        FakeTaskScripts survivors = new FakeTaskScripts(second);
        survivors.adoptRunning();
        Recover.Recovery recovery = second.get(Recover.class).recover();
        second.run(Duration.ofSeconds(30), survivors);

        assertEquals(3, recovery.tasks(), "three tasks come back from the durable state");
        assertEquals(0, survivors.launched.size(), "no task script was launched again");
        assertEquals(launchesBefore, scripts.launched.size());
        List<QueryStatus.TargetStatus> targets = second.get(QueryStatus.class).status().targets();
        assertTrue(targets.forAll(target -> target.state().equals("Running")), targets.toString());
        assertEquals(3, second.get(QueryStatus.class).status().counters().recovered());
    }
}

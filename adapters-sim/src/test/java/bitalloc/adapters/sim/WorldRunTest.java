package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.metrics.SimReport;
import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.adapters.sim.script.TaskFinished;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole worlds run end to end with a fake bitalloc (FakeLink) and a naive selector. */
class WorldRunTest {

    static final class Run {
        final SimWorld world;
        final FakeLink link;
        final FakeSelector selector;

        Run(Scenario scenario, long seed, int maxTargets) {
            world = SimWorld.create(scenario, seed);
            link = new FakeLink(world);
            selector = new FakeSelector(world, link, maxTargets);
            world.attach(link);
            world.checkHostRamAfterEveryEvent(false);
            world.every(Duration.ofSeconds(1), Duration.ofSeconds(5), selector::tick);
        }

        SimReport runFor(Duration duration) {
            world.runFor(duration);
            world.stopGenerators();
            world.runFor(Duration.ofSeconds(4));
            return world.report();
        }
    }

    @Test
    void the_same_seed_gives_the_same_run_byte_for_byte() {
        SimReport first = new Run(Scenarios.mid(), 42, 10).runFor(Duration.ofMinutes(10));
        SimReport second = new Run(Scenarios.mid(), 42, 10).runFor(Duration.ofMinutes(10));
        assertEquals(first.toMap().toString(), second.toMap().toString());
        assertTrue(first.world().events() > 1000, "a real run happened: " + first.world().events());
    }

    @Test
    void another_seed_gives_another_run() {
        SimReport first = new Run(Scenarios.mid(), 42, 10).runFor(Duration.ofMinutes(5));
        SimReport second = new Run(Scenarios.mid(), 43, 10).runFor(Duration.ofMinutes(5));
        assertNotEquals(first.traceHash(), second.traceHash());
    }

    @Test
    void an_early_game_without_a_player_tills_sows_harvests_and_earns_money_with_no_clash() {
        Run run = new Run(TestScenarios.quietEarly(), 1, 3);
        SimReport report = run.runFor(Duration.ofHours(1));
        assertEquals(0, report.clashes().ours());
        assertTrue(report.money() > 0, "money " + report.money());
        assertTrue(run.link.finished.stream().anyMatch(f -> f.lifecycle() == bitalloc.domain.selection.Lifecycle.HARVEST
                && f.outcome() == TaskFinished.Outcome.DONE));
        assertTrue(report.utilization() > 0);
    }

    @ParameterizedTest(name = "chaos seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void a_chaos_world_keeps_every_host_within_its_ram_through_every_fault(long seed) {
        Run run = new Run(Scenarios.chaos(), seed, 20);
        run.world.checkHostRamAfterEveryEvent(true);
        SimReport report = run.runFor(Duration.ofMinutes(20));
        assertTrue(report.world().playerStarts() > 0, "seed " + seed);
    }

    @Test
    void the_player_runs_scripts_and_shares_in_the_mid_game() {
        SimReport report = new Run(Scenarios.mid(), 9, 0).runFor(Duration.ofHours(1));
        assertTrue(report.world().playerStarts() > 100, "starts " + report.world().playerStarts());
        assertEquals(0, report.clashes().player(), "nothing of bitalloc's runs but its core services");
    }
}

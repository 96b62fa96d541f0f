package bitalloc.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.application.config.BitallocConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4: the same scenario and seed print the same report (scan timings aside: they are wall time). */
class DeterminismTest {

    private static final BitallocConfig CONFIG = Simulations.withWorldScripts(BitallocConfig.defaults());

    @Test
    void two_chaos_runs_with_the_same_seed_report_the_same_numbers_through_restarts_and_reloads() {
        Scenario chaos = ChaosInvariantsTest.shortChaos();

        Map<String, Object> first = report(chaos, 7, Duration.ofMinutes(3));
        Map<String, Object> second = report(chaos, 7, Duration.ofMinutes(3));

        assertEquals(first, second);
    }

    @Test
    void two_mid_runs_with_the_same_seed_report_the_same_numbers() {
        Map<String, Object> first = report(Scenarios.mid(), 42, Duration.ofMinutes(6));
        Map<String, Object> second = report(Scenarios.mid(), 42, Duration.ofMinutes(6));

        assertEquals(first, second);
    }

    @Test
    void another_seed_gives_another_run() {
        assertNotEquals(report(Scenarios.early(), 1, Duration.ofMinutes(3)).get("trace_hash"),
                report(Scenarios.early(), 2, Duration.ofMinutes(3)).get("trace_hash"));
    }

    private static Map<String, Object> report(Scenario scenario, long seed, Duration duration) {
        Map<String, Object> report = SimulationRun.run(scenario, seed, duration, CONFIG, Stores.inMemory(),
                (done, total) -> { }).toMap();
        report.remove("scan_ns_per_process");
        return report;
    }
}

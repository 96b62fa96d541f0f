package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.fault.FaultInjector;
import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.kernel.VirtualClock;
import bitalloc.adapters.sim.scenario.FaultProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Counts fall within 5 standard deviations of their expectation (a false alarm about once in 3 million runs). */
class FaultRatesTest {

    private static void assertNear(double expected, double stdDev, long actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 5 * stdDev,
                what + ": expected about " + expected + " ± " + 5 * stdDev + ", got " + actual);
    }

    @Test
    void reloads_and_restarts_fire_at_their_hourly_rates() {
        Simulation simulation = new Simulation(new VirtualClock(Instant.EPOCH));
        FaultProfile profile = new FaultProfile(0, 0, Duration.ofMinutes(1), 0, 2, 5);
        long[] counts = new long[2];
        FaultInjector faults = new FaultInjector(simulation, profile, new SplittableRandom(11),
                () -> counts[0]++, () -> counts[1]++);
        faults.start();
        simulation.runUntil(Duration.ofHours(1000).toMillis());
        assertNear(2000, Math.sqrt(2000), counts[0], "reloads");
        assertNear(5000, Math.sqrt(5000), counts[1], "restarts");
    }

    @Test
    void helpers_lose_their_tag_at_the_set_probability() {
        FaultInjector faults = new FaultInjector(new Simulation(new VirtualClock(Instant.EPOCH)),
                new FaultProfile(0, 0, Duration.ofMinutes(1), 0.02, 0, 0), new SplittableRandom(3), () -> { },
                () -> { });
        for (int i = 0; i < 100_000; i++) {
            faults.helperLosesTag();
        }
        assertNear(2000, Math.sqrt(100_000 * 0.02 * 0.98), faults.lostTags(), "lost tags");
    }

    @Test
    void task_crashes_and_hangs_are_planned_at_their_probabilities() {
        WorldRunTest.Run run = new WorldRunTest.Run(TestScenarios.quietMid()
                .withFaults(new FaultProfile(0.1, 0.2, Duration.ofSeconds(30), 0, 0, 0)), 17, 40);
        run.runFor(Duration.ofHours(2));
        long tasks = run.world.report().world().taskScriptsStarted();
        assertTrue(tasks > 50, "tasks " + tasks);
        assertNear(0.1 * tasks, Math.sqrt(tasks * 0.1 * 0.9), run.world.faults().plannedCrashes(), "crashes");
        assertNear(0.2 * tasks, Math.sqrt(tasks * 0.2 * 0.8), run.world.faults().plannedHangs(), "hangs");
        long struck = run.world.report().world().taskCrashes();
        assertTrue(struck > 0 && struck <= run.world.faults().plannedCrashes(),
                "a planned crash strikes only a task still running: " + struck);
    }

    @Test
    void exponential_waits_have_the_right_mean() {
        SplittableRandom random = new SplittableRandom(5);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += RandomStreams.exponentialMillis(random, 60);
        }
        double mean = sum / n;
        assertTrue(Math.abs(mean - 60_000) < 5 * 60_000 / Math.sqrt(n), "mean " + mean);
    }
}

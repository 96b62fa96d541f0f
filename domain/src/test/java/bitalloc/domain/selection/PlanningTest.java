package bitalloc.domain.selection;

import static bitalloc.domain.selection.Fixtures.NOVICE;
import static bitalloc.domain.selection.Fixtures.foodnstuff;
import static bitalloc.domain.selection.Fixtures.freeRam;
import static bitalloc.domain.selection.Fixtures.heartbeat;
import static bitalloc.domain.selection.Fixtures.noodles;
import static bitalloc.domain.selection.Fixtures.observed;
import static bitalloc.domain.selection.Fixtures.tick;
import static bitalloc.domain.selection.Fixtures.tillable;
import static bitalloc.domain.selection.SelectorDriver.launches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.Tick;
import bitalloc.domain.selection.TaskPlan.Batch;
import bitalloc.domain.selection.TaskPlan.HarvestPlan;
import bitalloc.domain.selection.TaskPlan.SowPlan;
import bitalloc.domain.selection.TaskPlan.TillPlan;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanningTest {

    private static final SelectorConfig CONFIG = SelectorConfig.defaults();
    private static final TaskPlanner PLANNER = new TaskPlanner(CONFIG);
    private static final Ram THREAD = HelperRam.DEFAULT.largest();

    @ParameterizedTest(name = "security {0} (min 3), money {1} of 100 → {2}")
    @CsvSource({
            "4.01, 100, TILL",
            "4.01, 0, TILL",
            "4.00, 50, SOW",
            "4.00, 98.99, SOW",
            "4.00, 99, HARVEST",
            "3.00, 100, HARVEST"})
    void targets_are_tilled_above_minimum_security_plus_one_then_sown_below_99_percent_money(
            double security, double money, Lifecycle expected) {
        assertEquals(expected, PLANNER.classify(Fixtures.server("t", 1, security, 3, money, 100, 10)));
    }

    @Test
    void classification_tolerances_are_configurable() {
        SelectorConfig strict = new SelectorConfig(CONFIG.launchTimeout(), CONFIG.heartbeatTimeout(),
                CONFIG.backOffBase(), CONFIG.backOffCap(), CONFIG.recoveryWindow(), 0.0, 1.0, CONFIG.taskScripts(),
                CONFIG.helperRam(), CONFIG.batchSpacing(), CONFIG.maxBatchesInFlight(), CONFIG.maxHackFraction(),
                CONFIG.maxActiveTasks(), CONFIG.bitNode());
        TaskPlanner planner = new TaskPlanner(strict);

        assertEquals(Lifecycle.TILL, planner.classify(Fixtures.server("t", 1, 3.01, 3, 100, 100, 10)));
        assertEquals(Lifecycle.SOW, planner.classify(Fixtures.server("t", 1, 3, 3, 99.9, 100, 10)));
    }

    @Test
    void till_needs_the_weaken_threads_that_reach_minimum_security() {
        TillPlan plan = (TillPlan) PLANNER.fullPlan(Lifecycle.TILL, foodnstuff(10, 2_000_000), NOVICE).get();

        assertEquals(new TillPlan(140, 140), plan);
        assertEquals(Ram.parse("245.00"), plan.helperRam(HelperRam.DEFAULT));
        assertFalse(plan.scaledDown());
    }

    @Test
    void sow_needs_the_grow_threads_to_maximum_money_and_the_weakens_they_cause() {
        SowPlan plan = (SowPlan) PLANNER.fullPlan(Lifecycle.SOW, foodnstuff(3, 2_000_000), NOVICE).get();

        assertEquals(new SowPlan(18374, 1470, 18374), plan);
        assertEquals(Ram.parse("34727.00"), plan.helperRam(HelperRam.DEFAULT));
    }

    @Test
    void sow_weakens_only_the_security_its_grows_add() {
        SowPlan plan = (SowPlan) PLANNER.fullPlan(Lifecycle.SOW, noodles(1.9, 875_000), NOVICE).get();

        assertEquals(new SowPlan(7, 1, 7), plan, "7 grows add 0.028; the 0.9 left over is within tolerance");
    }

    @Test
    void harvest_runs_the_largest_allowed_hack_in_as_many_batches_as_a_weaken_time_holds() {
        HarvestPlan plan = (HarvestPlan) PLANNER.fullPlan(Lifecycle.HARVEST, noodles(1, 1_750_000), NOVICE).get();

        assertEquals(new Batch(121, 5, 7, 1), plan.batch(), "121 × 0.4125 % ≈ 49.9 % of the money");
        assertEquals(50, plan.batchesInFlight(), "197 s weaken / 0.8 s per batch = 246, capped at 50");
        assertEquals(Ram.parse("228.45"), plan.batch().ram(HelperRam.DEFAULT));
        assertEquals(Ram.parse("11422.50"), plan.helperRam(HelperRam.DEFAULT));
        assertEquals(0.499125, plan.hackFraction(), 1e-9);
        assertFalse(plan.scaledDown());
    }

    @Test
    void harvest_batches_in_flight_follow_the_weaken_time_and_the_spacing() {
        TaskPlanner wideSpacing = new TaskPlanner(CONFIG.withHarvest(Duration.ofSeconds(10), 50, 0.5));

        HarvestPlan plan = (HarvestPlan) wideSpacing.fullPlan(Lifecycle.HARVEST, noodles(1, 1_750_000), NOVICE).get();

        assertEquals(4, plan.batchesInFlight(), "197 s / 40 s");
    }

    @ParameterizedTest(name = "{0} with room for {1} threads → {2}")
    @CsvSource({
            "TILL, 20, 'TillPlan[weakenThreads=20, weakenThreadsNeeded=140]'",
            "TILL, 0, 'none'",
            "SOW, 100, 'SowPlan[growThreads=92, weakenThreads=8, growThreadsNeeded=18374]'",
            "SOW, 2, 'SowPlan[growThreads=1, weakenThreads=1, growThreadsNeeded=18374]'",
            "SOW, 1, 'none'",
            "HARVEST, 10, 'Batch[hackThreads=7, hackWeakenThreads=1, growThreads=1, growWeakenThreads=1] × 1'",
            "HARVEST, 100, 'Batch[hackThreads=15, hackWeakenThreads=1, growThreads=1, growWeakenThreads=1] × 5'",
            "HARVEST, 3, 'none'"})
    void short_of_ram_each_phase_scales_down_instead_of_failing(Lifecycle lifecycle, long capacity, String expected) {
        TargetServer server = lifecycle == Lifecycle.HARVEST ? noodles(1, 1_750_000)
                : lifecycle == Lifecycle.TILL ? foodnstuff(10, 2_000_000) : foodnstuff(3, 2_000_000);

        Option<TaskPlan> plan = PLANNER.plan(lifecycle, server, NOVICE, capacity);

        assertEquals(expected, plan.map(PlanningTest::describe).getOrElse("none"));
        plan.forEach(p -> assertTrue(p.helperThreads() <= capacity));
        plan.forEach(p -> assertTrue(p.scaledDown()));
    }

    private static String describe(TaskPlan plan) {
        return plan instanceof HarvestPlan harvest ? harvest.batch() + " × " + harvest.batchesInFlight()
                : plan.toString();
    }

    @Test
    void helper_capacity_is_the_sum_of_whole_threads_each_host_holds() {
        RamBudget budget = RamBudget.of(freeRam("a", "1.74", "b", "1.74", "c", "3.50"));

        assertEquals(2, budget.threadCapacity(THREAD), "6.98 GB in total would wrongly say 3");
    }

    @Test
    void promised_helper_ram_is_set_aside_in_whole_threads() {
        RamBudget budget = RamBudget.of(freeRam("a", "7.00", "b", "7.00"));

        assertEquals(8, budget.threadCapacity(THREAD));
        assertEquals(7, budget.promising(new RamFootprint(HostName.of("a"), Ram.ZERO, Ram.parse("0.01")))
                .threadCapacity(THREAD));
        assertEquals(6, budget.promising(new RamFootprint(HostName.of("a"), Ram.ZERO, Ram.parse("3.50")))
                .threadCapacity(THREAD));
    }

    @Test
    void a_task_script_goes_to_the_host_with_most_free_ram_and_takes_its_ram_there() {
        RamBudget budget = RamBudget.of(freeRam("b", "5.00", "a", "5.00", "c", "2.99"));

        assertEquals(Option.some(HostName.of("a")), budget.hostFor(Ram.parse("3.00")), "ties go to the first name");
        RamBudget withScript = budget.promising(new RamFootprint(HostName.of("a"), Ram.parse("3.00"), Ram.ZERO));
        assertEquals(4, withScript.threadCapacity(THREAD), "a keeps 2.00 GB → 1 thread, b 2, c 1");
        assertEquals(Option.none(), RamBudget.of(freeRam("c", "2.99")).hostFor(Ram.parse("3.00")));
    }

    @Test
    void a_launch_fits_only_when_a_single_host_holds_a_helper_thread() {
        SelectorDriver driver = new SelectorDriver();
        driver.send(observed(tillable("a")));

        assertTrue(launches(driver.send(tick("home", "4.74", "b", "1.74", "c", "1.74"))).isEmpty(),
                "5.22 GB left after the script, but no host holds 1.75 GB");

        LaunchTask launch = launches(driver.send(tick("home", "4.74", "b", "1.74", "c", "1.75"))).single();
        assertEquals(new TillPlan(1, 140), launch.plan());
    }

    @Test
    void ram_promised_to_a_launched_task_counts_as_taken_until_its_allocations_appear() {
        SelectorDriver driver = new SelectorDriver();
        driver.send(observed(tillable("a")));
        driver.send(observed(tillable("b")));
        LaunchTask first = launches(driver.send(tick("home", "20", "pserv-0", "20"))).single();
        assertEquals(new TillPlan(20, 140), first.plan(), "3 GB script on home; 9 + 11 weaken threads");
        driver.send(new LaunchSucceeded(first.target(), Pid.of(7)));
        driver.send(heartbeat(7, first.target().value(), Lifecycle.TILL));

        assertTrue(launches(driver.at(0.5).send(tick("home", "20", "pserv-0", "20"))).isEmpty(),
                "the free picture does not show the task yet: its 38 GB are promised");

        Tick scriptOnly = new Tick(freeRam("home", "17", "pserv-0", "20"), HashMap.of(Pid.of(7), Ram.parse("3.00")));
        assertTrue(launches(driver.at(1.0).send(scriptOnly)).isEmpty(), "its helpers' 35 GB are still promised");

        Tick allVisible = new Tick(freeRam("home", "1.25", "pserv-0", "0.75"),
                HashMap.of(Pid.of(7), Ram.parse("38.00")));
        assertTrue(launches(driver.at(1.5).send(allVisible)).isEmpty());

        Tick grown = new Tick(freeRam("home", "6.50", "pserv-0", "0.75"), HashMap.of(Pid.of(7), Ram.parse("38.00")));
        LaunchTask second = launches(driver.at(2.0).send(grown)).single();
        assertEquals(new TillPlan(2, 140), second.plan(), "what the tick shows free is not counted twice");
    }

    @Test
    void a_launch_carries_its_whole_estimated_footprint() {
        SelectorDriver driver = new SelectorDriver();
        driver.send(observed(noodles(1, 1_750_000)));

        LaunchTask launch = launches(driver.send(Fixtures.roomyTick())).single();

        assertEquals(Lifecycle.HARVEST, launch.lifecycle());
        assertEquals("harvest.js", launch.script());
        assertEquals(Ram.parse("11425.50"), launch.estimatedRam());
        assertInstanceOf(HarvestPlan.class, launch.plan());
        assertTrue(launch.args().contains("--hackFraction=0.499125"));
        assertTrue(launch.args().contains("--batches=50"));
    }
}

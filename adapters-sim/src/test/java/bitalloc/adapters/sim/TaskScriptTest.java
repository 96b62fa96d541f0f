package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.adapters.sim.scenario.FaultProfile;
import bitalloc.adapters.sim.script.AllocTags;
import bitalloc.adapters.sim.script.Heartbeat;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.adapters.sim.script.TaskFinished;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class TaskScriptTest {

    private static final HostName HOME = HostName.of("home");

    private SimWorld world = SimWorld.create(TestScenarios.bareEarly(), 3);
    private FakeLink link = new FakeLink(world);

    private void useWorld(SimWorld newWorld) {
        world = newWorld;
        link = new FakeLink(world);
        world.attach(link);
    }

    private Pid launch(String script, String... args) {
        world.attach(link);
        return world.launcher().launch(HOME, script, 1, List.of(args)).get();
    }

    private java.util.List<SimProcess> helpersOf(String script) {
        java.util.List<SimProcess> found = new ArrayList<>();
        for (SimProcess process : world.network().processes()) {
            if (process.script().equals(script)) {
                found.add(process);
            }
        }
        return found;
    }

    @Test
    void a_till_task_heartbeats_allocates_weaken_chunks_and_execs_tagged_claimed_helpers() {
        Pid task = launch(ScriptCatalog.TILL, "--target=joesguns", "--weakenThreads=20");
        world.runFor(Duration.ofMillis(200));
        Heartbeat first = link.heartbeats.get(0);
        assertEquals(new Heartbeat(HOME, task, ScriptCatalog.TILL, HostName.of("joesguns"), Lifecycle.TILL), first);
        assertEquals(1, link.requests.size());
        assertEquals(Ram.parse("1.75"), link.requests.get(0).chunkSize());
        assertEquals(20, link.requests.get(0).chunks());
        java.util.List<SimProcess> helpers = helpersOf(ScriptCatalog.WEAKEN);
        assertEquals(20, helpers.stream().mapToInt(SimProcess::threads).sum());
        for (SimProcess helper : helpers) {
            assertTrue(AllocTags.find(helper.args()).isDefined(), "helper carries its tag");
            assertEquals(helper.threads(), link.claims.get(helper.pid()));
        }
    }

    @Test
    void a_till_task_lowers_security_releases_its_allocation_and_reports_done() {
        SimTarget target = world.network().target(HostName.of("joesguns")).get();
        double before = target.security();
        launch(ScriptCatalog.TILL, "--target=joesguns", "--weakenThreads=20");
        world.runFor(Duration.ofMinutes(30));
        assertEquals(1, link.finished.size());
        assertEquals(TaskFinished.Outcome.DONE, link.finished.get(0).outcome());
        assertEquals(Math.max(target.minSecurity(), before - 20 * 0.05), target.security(), 1e-9);
        assertTrue(link.releases.stream().anyMatch(r -> r.startsWith("all ")));
        assertEquals(0, world.network().processCount());
    }

    @Test
    void heartbeats_come_every_two_seconds_plus_at_most_half_a_second_of_jitter() {
        launch(ScriptCatalog.TILL, "--target=joesguns", "--weakenThreads=20");
        world.runFor(Duration.ofMinutes(2));
        assertTrue(link.heartbeatMillis.size() > 40);
        for (int i = 1; i < link.heartbeatMillis.size(); i++) {
            long gap = link.heartbeatMillis.get(i) - link.heartbeatMillis.get(i - 1);
            assertTrue(gap >= 2000 && gap <= 2500, "gap " + gap);
        }
    }

    @Test
    void a_task_whose_helpers_get_no_ram_reports_no_ram() {
        for (SimHost host : world.network().usableHosts()) {
            long keep = host.name().equals(HOME) ? 330 : 0;
            world.network().exec(host.name(), "fill.js", 1, Ram.ofHundredths(host.maxRamHundredths() - keep),
                    List.empty(), Owner.PLAYER, true, ProcessBehaviour.IDLE);
        }
        Pid task = launch(ScriptCatalog.SOW, "--target=n00dles", "--growThreads=100");
        world.runFor(Duration.ofSeconds(1));
        assertEquals(1, link.finished.size());
        assertEquals(TaskFinished.Outcome.NO_RAM, link.finished.get(0).outcome());
        assertFalse(world.network().process(task).isDefined());
        assertEquals(1, world.report().world().allocationsRefused());
    }

    @Test
    void bad_arguments_end_the_task_with_a_reason() {
        launch(ScriptCatalog.TILL, "--target=no-such-server", "--weakenThreads=5");
        launch(ScriptCatalog.HARVEST, "--target=n00dles", "--hackFraction=1.5");
        world.runFor(Duration.ofSeconds(1));
        assertEquals(2, link.finished.size());
        assertTrue(link.finished.stream().allMatch(f -> f.outcome() == TaskFinished.Outcome.BAD_ARGUMENTS));
    }

    @Test
    void a_harvest_task_runs_batches_and_earns_money() {
        SimTarget n00dles = world.network().target(HostName.of("n00dles")).get();
        n00dles.setSecurity(n00dles.minSecurity());
        n00dles.setMoney(n00dles.maxMoney());
        launch(ScriptCatalog.HARVEST, "--target=n00dles", "--hackFraction=0.2", "--batches=2");
        world.runFor(Duration.ofMinutes(20));
        assertEquals(TaskFinished.Outcome.DONE, link.finished.get(0).outcome());
        assertTrue(world.metrics().money() > 0);
        assertEquals(4, link.requests.stream().filter(r -> r.chunkSize().equals(Ram.parse("1.70"))).count());
    }

    @Test
    void a_crashed_task_says_nothing_more_but_its_helpers_run_on() {
        useWorld(SimWorld.create(TestScenarios.bareEarly()
                .withFaults(new FaultProfile(1, 0, Duration.ofSeconds(1), 0, 0, 0)), 5));
        Pid task = world.launcher().launch(HOME, ScriptCatalog.TILL, 1,
                List.of("--target=joesguns", "--weakenThreads=10")).get();
        world.runFor(Duration.ofSeconds(5));
        assertFalse(world.network().process(task).isDefined());
        assertTrue(link.finished.isEmpty());
        assertTrue(link.heartbeats.size() <= 1);
        assertEquals(1, world.report().world().taskCrashes());
    }

    @Test
    void a_hung_task_keeps_its_pid_and_ram_but_stops_heartbeating() {
        useWorld(SimWorld.create(TestScenarios.bareEarly()
                .withFaults(new FaultProfile(0, 1, Duration.ofSeconds(3), 0, 0, 0)), 5));
        Pid task = world.launcher().launch(HOME, ScriptCatalog.TILL, 1,
                List.of("--target=joesguns", "--weakenThreads=10")).get();
        world.runFor(Duration.ofMinutes(30));
        assertTrue(world.network().process(task).isDefined());
        assertTrue(link.heartbeats.size() <= 2);
        assertTrue(link.finished.isEmpty());
    }

    @Test
    void a_helper_that_forgets_its_tag_runs_untagged_and_counts_as_foreign() {
        useWorld(SimWorld.create(TestScenarios.bareEarly()
                .withFaults(new FaultProfile(0, 0, Duration.ofSeconds(3), 1, 0, 0)), 5));
        world.launcher().launch(HOME, ScriptCatalog.TILL, 1, List.of("--target=joesguns", "--weakenThreads=10"));
        world.runFor(Duration.ofMillis(500));
        java.util.List<SimProcess> helpers = helpersOf(ScriptCatalog.WEAKEN);
        assertFalse(helpers.isEmpty());
        for (SimProcess helper : helpers) {
            assertTrue(AllocTags.find(helper.args()).isEmpty());
            assertTrue(helper.foreignToBitalloc());
        }
    }

    @Test
    void core_services_start_first_and_register_after_their_delay_and_again_after_a_restart() {
        useWorld(SimWorld.create(TestScenarios.quietEarly(), 5));
        world.runFor(Duration.ofSeconds(2));
        assertEquals(1, world.network().processCount());
        assertTrue(link.registrations.isEmpty());
        world.runFor(Duration.ofSeconds(2));
        assertEquals(1, link.registrations.size());
        assertEquals(Ram.parse("4.65"), link.registrations.get(0).ram());
        world.restartBitalloc();
        world.runFor(Duration.ofSeconds(4));
        assertEquals(2, link.registrations.size());
        world.reloadGame();
        world.runFor(Duration.ofSeconds(5));
        assertEquals(3, link.registrations.size());
        assertEquals(1, link.registrations.get(2).pid().value());
    }
}

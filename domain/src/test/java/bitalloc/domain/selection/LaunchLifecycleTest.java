package bitalloc.domain.selection;

import static bitalloc.domain.selection.Fixtures.heartbeat;
import static bitalloc.domain.selection.Fixtures.observed;
import static bitalloc.domain.selection.Fixtures.roomyTick;
import static bitalloc.domain.selection.Fixtures.seen;
import static bitalloc.domain.selection.Fixtures.tick;
import static bitalloc.domain.selection.Fixtures.tillable;
import static bitalloc.domain.selection.SelectorDriver.kills;
import static bitalloc.domain.selection.SelectorDriver.launches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.HelpersRefused;
import bitalloc.domain.selection.SelectorEvent.LaunchFailed;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.ProcessExited;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import bitalloc.domain.selection.TaskState.AwaitingHeartbeat;
import bitalloc.domain.selection.TaskState.Launching;
import bitalloc.domain.selection.TaskState.Pending;
import bitalloc.domain.selection.TaskState.Running;
import bitalloc.domain.selection.SelectorEvent.Tick;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LaunchLifecycleTest {

    private final SelectorDriver driver = new SelectorDriver();

    /** Observes a tillable target and launches its task at the current instant. */
    private LaunchTask launch(String target) {
        driver.send(observed(tillable(target)));
        List<LaunchTask> launches = launches(driver.send(roomyTick()));
        assertEquals(1, launches.size(), "one launch expected");
        return launches.head();
    }

    private void launchAndStart(String target, long pid) {
        launch(target);
        driver.send(new LaunchSucceeded(HostName.of(target), Pid.of(pid)));
    }

    private void launchAndConfirm(String target, long pid) {
        launchAndStart(target, pid);
        driver.send(heartbeat(pid, target, Lifecycle.TILL));
    }

    @Test
    void launches_the_planned_till_task_on_the_host_with_most_free_ram() {
        driver.send(observed(Fixtures.foodnstuff(10, 2_000_000)));
        List<LaunchTask> launches = launches(driver.send(tick("home", "250", "pserv-0", "300")));

        LaunchTask launch = launches.single();
        assertEquals(HostName.of("pserv-0"), launch.host());
        assertEquals(Lifecycle.TILL, launch.lifecycle());
        assertEquals("till.js", launch.script());
        assertEquals(List.of("--target=foodnstuff", "--weakenThreads=140"), launch.args());
        assertEquals(Ram.parse("248.00"), launch.estimatedRam(), "3 GB script + 140 × 1.75 GB");
        assertInstanceOf(Launching.class, driver.task("foodnstuff"));
        assertEquals(1, driver.counters().launched());
    }

    @Test
    void a_tick_reads_its_ram_picture_only_when_a_target_waits_for_a_launch() {
        launchAndConfirm("a", 7);
        AtomicInteger reads = new AtomicInteger();
        Supplier<Tick> countingTick = () -> Tick.readWhenNeeded(
                () -> {
                    reads.incrementAndGet();
                    return Fixtures.freeRam("home", "100000");
                },
                () -> {
                    reads.incrementAndGet();
                    return HashMap.empty();
                });

        assertTrue(launches(driver.at(1).send(countingTick.get())).isEmpty());
        assertEquals(0, reads.get(), "no target waits: the picture is never read");

        driver.send(observed(tillable("b")));
        assertEquals(HostName.of("b"), launches(driver.at(2).send(countingTick.get())).single().target());
        assertEquals(2, reads.get(), "free RAM and task RAM, each read once");
    }

    @Test
    void a_heartbeat_carrying_the_launched_pid_confirms_the_task() {
        launchAndStart("a", 7);
        assertInstanceOf(AwaitingHeartbeat.class, driver.task("a"));

        driver.at(0.3).send(heartbeat(7, "a", Lifecycle.TILL));

        Running running = assertInstanceOf(Running.class, driver.task("a"));
        assertEquals(Pid.of(7), running.process());
        assertEquals(1, driver.counters().confirmed());
    }

    @Test
    void holds_new_launches_while_a_launch_awaits_its_heartbeat() {
        launch("a");
        driver.send(observed(tillable("b")));

        assertTrue(launches(driver.at(0.5).send(roomyTick())).isEmpty(), "the game has not answered");
        driver.send(new LaunchSucceeded(HostName.of("a"), Pid.of(7)));
        assertTrue(launches(driver.at(1.0).send(roomyTick())).isEmpty(), "no heartbeat yet");
        driver.send(heartbeat(7, "a", Lifecycle.TILL));

        assertEquals(HostName.of("b"), launches(driver.at(1.5).send(roomyTick())).single().target());
    }

    @Test
    void never_launches_a_second_task_for_a_target_that_has_one() {
        launchAndConfirm("a", 7);
        for (double t = 0.5; t < 2.5; t += 0.5) {
            driver.at(t).send(heartbeat(7, "a", Lifecycle.TILL));
            assertTrue(launches(driver.send(roomyTick())).isEmpty());
        }
    }

    @ParameterizedTest(name = "seen running: {0}, checked at {1} s → {2}")
    @CsvSource({
            "false, 1.9, AWAITING",
            "false, 2.0, LAUNCH_TIMEOUT",
            "true,  2.0, AWAITING",
            "true,  2.9, AWAITING",
            "true,  3.0, SILENT"})
    void a_launch_without_heartbeat_fails_at_the_launch_timeout_unless_a_scan_shows_it_running(
            boolean seenRunning, double checkAt, String outcome) {
        launchAndStart("a", 7);
        if (seenRunning) {
            driver.at(1.0).send(seen(7, "a", Lifecycle.TILL));
        }

        List<SelectorCommand> commands = driver.at(checkAt).send(tick());

        if (outcome.equals("AWAITING")) {
            assertInstanceOf(AwaitingHeartbeat.class, driver.task("a"));
            assertTrue(commands.isEmpty());
        } else {
            assertEquals(List.of(new KillTask(Pid.of(7), HostName.of("a"), KillReason.valueOf(outcome))), commands);
            assertInstanceOf(Pending.class, driver.task("a"));
            SelectorCounters counters = driver.counters();
            assertEquals(List.of(1L, 1L, 1L, 0L), List.of(counters.failed(), counters.timedOut(), counters.killed(),
                    counters.confirmed()));
        }
    }

    @Test
    void a_failed_launch_is_requeued_and_launched_again() {
        launchAndStart("a", 7);

        List<SelectorCommand> commands = driver.at(2.0).send(roomyTick());

        assertEquals(KillReason.LAUNCH_TIMEOUT, kills(commands).single().reason());
        assertEquals(HostName.of("a"), launches(commands).single().target(), "the same tick launches it again");
        assertEquals(2, driver.counters().launched());
    }

    @Test
    void the_launch_gate_ends_even_when_the_game_never_answers_the_launch() {
        launch("a");
        driver.send(observed(tillable("b")));

        driver.at(2.0).send(tick());
        Pending pending = assertInstanceOf(Pending.class, driver.task("a"));
        assertEquals(Duration.ofSeconds(5), Duration.between(SelectorDriver.START, pending.notBefore()),
                "the task may still exist: wait one heartbeat timeout for it");
        assertEquals(1, driver.counters().timedOut());

        assertEquals(List.of(HostName.of("b")), launches(driver.at(2.5).send(roomyTick())).map(LaunchTask::target));
    }

    @Test
    void a_launch_answered_after_it_was_given_up_is_killed() {
        launch("a");
        driver.at(2.0).send(tick());

        List<SelectorCommand> commands = driver.at(2.2).send(new LaunchSucceeded(HostName.of("a"), Pid.of(7)));

        assertEquals(List.of(new KillTask(Pid.of(7), HostName.of("a"), KillReason.ABANDONED_LAUNCH)), commands);
    }

    @Test
    void a_launch_given_up_is_adopted_when_its_heartbeat_arrives() {
        launch("a");
        driver.at(2.0).send(tick());

        driver.at(2.5).send(heartbeat(7, "a", Lifecycle.TILL));
        List<SelectorCommand> late = driver.send(new LaunchSucceeded(HostName.of("a"), Pid.of(7)));

        assertInstanceOf(Running.class, driver.task("a"));
        assertTrue(late.isEmpty());
        assertEquals(1, driver.counters().recovered());
    }

    @ParameterizedTest(name = "last heartbeat {0} s ago → {1}")
    @CsvSource({"2.9, RUNNING", "3.0, HEARTBEAT_TIMEOUT", "7.5, HEARTBEAT_TIMEOUT"})
    void a_confirmed_task_whose_heartbeat_is_stale_is_killed_and_requeued(double age, String outcome) {
        launchAndConfirm("a", 7);
        driver.at(4.0).send(heartbeat(7, "a", Lifecycle.TILL));

        List<SelectorCommand> commands = driver.at(4.0 + age).send(roomyTick());

        if (outcome.equals("RUNNING")) {
            assertInstanceOf(Running.class, driver.task("a"));
            assertTrue(commands.isEmpty());
        } else {
            assertEquals(new KillTask(Pid.of(7), HostName.of("a"), KillReason.HEARTBEAT_TIMEOUT), commands.head());
            assertEquals(1, launches(commands).size(), "re-queued and launched again");
            assertEquals(1, driver.counters().timedOut());
        }
    }

    @ParameterizedTest(name = "exit while {0}")
    @CsvSource({"awaiting heartbeat, 1, 0", "running, 0, 1"})
    void a_process_seen_to_exit_requeues_its_target_before_any_timeout(String phase, long failed, long exited) {
        if (phase.equals("running")) {
            launchAndConfirm("a", 7);
        } else {
            launchAndStart("a", 7);
        }

        List<SelectorCommand> commands = driver.at(0.5).send(new ProcessExited(Pid.of(7)));

        assertTrue(commands.isEmpty(), "nothing to kill");
        assertInstanceOf(Pending.class, driver.task("a"));
        assertEquals(failed, driver.counters().failed());
        assertEquals(exited, driver.counters().exited());
        assertEquals(0, driver.counters().timedOut());
        assertEquals(1, launches(driver.send(roomyTick())).size(), "launched again at once");
    }

    @Test
    void a_dead_task_gives_back_the_ram_it_was_promised() {
        driver.send(observed(Fixtures.foodnstuff(10, 2_000_000)));
        driver.send(observed(tillable("b")));
        LaunchTask first = launches(driver.send(tick("home", "250"))).single();
        driver.send(new LaunchSucceeded(first.target(), Pid.of(7)));
        driver.send(heartbeat(7, "foodnstuff", Lifecycle.TILL));
        assertTrue(launches(driver.at(0.5).send(tick("home", "250"))).isEmpty(), "its 248 GB are promised");

        driver.send(new ProcessExited(Pid.of(7)));

        assertEquals(1, launches(driver.send(tick("home", "250"))).size(), "a launch fits once the RAM is back");
    }

    @Test
    void a_finished_phase_waits_for_a_fresh_observation_before_the_next_launch() {
        launchAndConfirm("a", 7);

        driver.at(1.0).send(new TaskFinished(HostName.of("a"), Lifecycle.TILL, Pid.of(7)));
        assertTrue(launches(driver.send(roomyTick())).isEmpty(), "the old numbers would till again");
        driver.send(observed(Fixtures.server("a", 1, 3, 3, 2_000_000, 50_000_000, 5)));

        assertEquals(Lifecycle.SOW, launches(driver.send(roomyTick())).single().lifecycle());
        assertEquals(1, driver.counters().finished());
    }

    @Test
    void a_task_whose_helpers_are_refused_ram_is_killed_requeued_and_launches_back_off() {
        launchAndConfirm("a", 7);

        List<SelectorCommand> commands = driver.at(1.0).send(new HelpersRefused(Pid.of(7)));

        assertEquals(List.of(new KillTask(Pid.of(7), HostName.of("a"), KillReason.HELPERS_REFUSED)), commands);
        assertInstanceOf(Pending.class, driver.task("a"));
        assertTrue(driver.state.backOff().holds(driver.now));
        assertEquals(1, driver.counters().helperRefusals());
    }

    @ParameterizedTest(name = "launch refused: {0}")
    @EnumSource(LaunchFailureReason.class)
    void a_refused_launch_is_requeued_and_only_a_ram_refusal_backs_off(LaunchFailureReason reason) {
        launch("a");

        driver.send(new LaunchFailed(HostName.of("a"), reason));

        assertInstanceOf(Pending.class, driver.task("a"));
        assertEquals(1, driver.counters().failed());
        assertEquals(reason == LaunchFailureReason.NOT_ENOUGH_RAM, driver.state.backOff().holds(driver.now));
    }

    @Test
    void a_heartbeat_from_a_second_task_for_the_same_target_kills_the_newcomer() {
        launchAndConfirm("a", 7);

        List<SelectorCommand> commands = driver.at(0.5).send(heartbeat(9, "a", Lifecycle.TILL));

        assertEquals(List.of(new KillTask(Pid.of(9), HostName.of("a"), KillReason.DUPLICATE)), commands);
        assertEquals(Pid.of(7), ((Running) driver.task("a")).process());
    }

    @Test
    void launches_no_more_tasks_than_the_limit() {
        SelectorDriver limited = new SelectorDriver(SelectorConfig.defaults().withMaxActiveTasks(1));
        limited.send(observed(tillable("a")));
        limited.send(observed(tillable("b")));
        LaunchTask first = launches(limited.send(roomyTick())).single();
        limited.send(new LaunchSucceeded(first.target(), Pid.of(7)));
        limited.send(heartbeat(7, first.target().value(), Lifecycle.TILL));

        assertTrue(launches(limited.at(0.5).send(roomyTick())).isEmpty());
    }

    @Test
    void ignores_targets_the_player_cannot_hack_yet() {
        driver.send(observed(Fixtures.server("joesguns", 10, 15, 5, 1, 62_500_000, 20)));

        assertTrue(launches(driver.send(roomyTick())).isEmpty());
    }
}

package bitalloc.domain.selection;

import static bitalloc.domain.selection.Fixtures.heartbeat;
import static bitalloc.domain.selection.Fixtures.observed;
import static bitalloc.domain.selection.Fixtures.roomyTick;
import static bitalloc.domain.selection.Fixtures.seen;
import static bitalloc.domain.selection.Fixtures.tillable;
import static bitalloc.domain.selection.SelectorDriver.kills;
import static bitalloc.domain.selection.SelectorDriver.launches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.GameReloaded;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.Restored;
import bitalloc.domain.selection.SelectorEvent.RestoredTask;
import bitalloc.domain.selection.TaskState.AwaitingHeartbeat;
import bitalloc.domain.selection.TaskState.Pending;
import bitalloc.domain.selection.TaskState.Running;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecoveryTest {

    private static final List<String> LIVE = List.of("a", "b", "c");

    private final SelectorDriver driver = new SelectorDriver();

    /** Where a restarted selector learns about the three live tasks. */
    enum Source {
        PERSISTED_STATE_THEN_HEARTBEATS,
        PROCESS_TABLE_THEN_HEARTBEATS,
        HEARTBEATS_ONLY,
        ALL_THREE
    }

    @ParameterizedTest(name = "learning from {0}")
    @EnumSource(Source.class)
    void a_restart_with_three_live_tasks_adopts_them_and_launches_no_duplicate(Source source) {
        List<RestoredTask> persisted = source == Source.PERSISTED_STATE_THEN_HEARTBEATS || source == Source.ALL_THREE
                ? LIVE.zipWithIndex().map(t -> new RestoredTask(HostName.of(t._1), Pid.of(11 + t._2), Lifecycle.TILL,
                Fixtures.HOME))
                : List.empty();
        boolean scans = source == Source.PROCESS_TABLE_THEN_HEARTBEATS || source == Source.ALL_THREE;
        driver.send(new Restored(persisted, SelectorCounters.ZERO));
        LIVE.append("d").forEach(name -> driver.send(observed(tillable(name))));

        List<LaunchTask> launched = List.empty();
        List<KillTask> killed = List.empty();
        for (int step = 1; step <= 40; step++) {
            double t = step * 0.25;
            driver.at(t);
            if (step % 4 == 3) {
                LIVE.zipWithIndex().forEach(task -> driver.send(heartbeat(11 + task._2, task._1, Lifecycle.TILL)));
            }
            if (scans && step % 8 == 4) {
                LIVE.zipWithIndex().forEach(task -> driver.send(seen(11 + task._2, task._1, Lifecycle.TILL)));
            }
            List<SelectorCommand> commands = driver.send(roomyTick());
            killed = killed.appendAll(kills(commands));
            List<LaunchTask> now = launches(commands);
            now.forEach(launch -> assertTrue(t >= 5.0, "no launch inside the recovery window, got one at " + t));
            now.forEach(launch -> driver.send(new LaunchSucceeded(launch.target(), Pid.of(99))));
            if (!launched.isEmpty() || !now.isEmpty()) {
                driver.send(heartbeat(99, "d", Lifecycle.TILL));
            }
            launched = launched.appendAll(now);
        }

        assertEquals(List.of(HostName.of("d")), launched.map(LaunchTask::target), "only the target without a task");
        assertTrue(killed.isEmpty(), "live tasks are kept: " + killed);
        LIVE.forEach(name -> assertInstanceOf(Running.class, driver.task(name)));
        assertEquals(3, driver.counters().recovered());
    }

    @Test
    void visible_tasks_that_never_send_a_heartbeat_are_killed_when_recovery_ends() {
        driver.send(new Restored(List.of(new RestoredTask(HostName.of("a"), Pid.of(11), Lifecycle.SOW, Fixtures.HOME)),
                SelectorCounters.ZERO));
        driver.at(1.0).send(seen(11, "a", Lifecycle.SOW));

        assertTrue(driver.at(4.9).send(Fixtures.tick()).isEmpty());
        List<SelectorCommand> commands = driver.at(5.0).send(Fixtures.tick());

        assertEquals(List.of(new KillTask(Pid.of(11), HostName.of("a"), KillReason.SILENT)), commands);
        assertInstanceOf(Pending.class, driver.task("a"));
    }

    @Test
    void a_persisted_task_that_never_shows_up_is_assumed_gone_without_killing_its_pid() {
        driver.send(new Restored(List.of(new RestoredTask(HostName.of("a"), Pid.of(11), Lifecycle.SOW, Fixtures.HOME)),
                SelectorCounters.ZERO));
        driver.send(observed(tillable("a")));

        List<SelectorCommand> commands = driver.at(5.0).send(roomyTick());

        assertTrue(kills(commands).isEmpty(), "the pid may name an unrelated process by now");
        assertEquals(HostName.of("a"), launches(commands).single().target());
    }

    @Test
    void a_heartbeat_from_an_unknown_pid_is_adopted() {
        driver.send(observed(tillable("a")));

        driver.send(heartbeat(42, "a", Lifecycle.HARVEST));

        Running running = assertInstanceOf(Running.class, driver.task("a"));
        assertEquals(Pid.of(42), running.process());
        assertEquals(Lifecycle.HARVEST, running.lifecycle());
        assertEquals(1, driver.counters().recovered());
        assertTrue(launches(driver.send(roomyTick())).isEmpty());
    }

    @Test
    void a_restored_selector_continues_its_counters() {
        SelectorCounters before = new SelectorCounters(5, 4, 1, 1, 1, 0, 3, 0, 0, java.time.Duration.ofSeconds(2));

        driver.send(new Restored(List.empty(), before));
        driver.send(heartbeat(42, "a", Lifecycle.TILL));

        assertEquals(5, driver.counters().launched());
        assertEquals(1, driver.counters().recovered());
    }

    @Test
    void after_a_game_reload_old_pids_are_dropped_and_restarted_tasks_adopted_under_new_pids() {
        driver.send(observed(tillable("a")));
        driver.send(observed(tillable("b")));
        driver.send(heartbeat(7, "a", Lifecycle.TILL));

        List<SelectorCommand> commands = driver.at(10).send(new GameReloaded());
        assertTrue(commands.isEmpty(), "pids of the old session mean nothing: no kill");

        driver.at(10.5).send(heartbeat(2, "a", Lifecycle.TILL));
        assertTrue(launches(driver.at(14.9).send(roomyTick())).isEmpty(), "recovery window");
        driver.send(heartbeat(2, "a", Lifecycle.TILL));

        assertEquals(Pid.of(2), ((Running) driver.task("a")).process());
        assertEquals(HostName.of("b"), launches(driver.at(15).send(roomyTick())).single().target());
    }

    @Test
    void a_second_visible_task_process_for_a_target_is_killed() {
        driver.send(heartbeat(7, "a", Lifecycle.TILL));

        List<SelectorCommand> commands = driver.at(1).send(seen(9, "a", Lifecycle.TILL));

        assertEquals(List.of(new KillTask(Pid.of(9), HostName.of("a"), KillReason.DUPLICATE)), commands);
    }

    @Test
    void a_scan_that_sees_the_launched_process_before_the_games_answer_is_handled_ties_it_to_the_launch() {
        driver.send(observed(tillable("a")));
        launches(driver.send(roomyTick())).single();

        driver.send(seen(7, "a", Lifecycle.TILL));
        List<SelectorCommand> answer = driver.send(new LaunchSucceeded(HostName.of("a"), Pid.of(7)));

        AwaitingHeartbeat awaiting = assertInstanceOf(AwaitingHeartbeat.class, driver.task("a"));
        assertEquals(Pid.of(7), awaiting.process());
        assertTrue(awaiting.seenRunning());
        assertTrue(answer.isEmpty());
    }
}

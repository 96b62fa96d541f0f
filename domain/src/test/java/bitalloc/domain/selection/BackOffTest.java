package bitalloc.domain.selection;

import static bitalloc.domain.selection.Fixtures.heartbeat;
import static bitalloc.domain.selection.Fixtures.observed;
import static bitalloc.domain.selection.Fixtures.roomyTick;
import static bitalloc.domain.selection.Fixtures.tillable;
import static bitalloc.domain.selection.SelectorDriver.launches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.HelpersRefused;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import bitalloc.domain.selection.TaskState.Pending;
import bitalloc.domain.selection.TaskState.Running;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackOffTest {

    private long nextPid = 100;

    /** Launches a task for {@code target} now, starts it and has its helpers refused at once; returns its pid. */
    private Pid launchAndRefuse(SelectorDriver driver, String target) {
        LaunchTask launch = launches(driver.send(roomyTick())).single();
        assertEquals(HostName.of(target), launch.target());
        Pid pid = Pid.of(nextPid++);
        driver.send(new LaunchSucceeded(launch.target(), pid));
        driver.send(new HelpersRefused(pid));
        return pid;
    }

    private static Duration hold(SelectorDriver driver) {
        return Duration.between(driver.now, driver.state.backOff().holdUntil().get());
    }

    private static double seconds(Instant instant) {
        return Duration.between(SelectorDriver.START, instant).toNanos() / 1e9;
    }

    @ParameterizedTest(name = "base {0} ms: pauses {1} ms")
    @CsvSource({
            "500, 500 1000 2000 4000 8000 10000 10000",
            "250, 250 500 1000 2000 4000 8000 10000 10000",
            "3000, 3000 6000 10000 10000"})
    void each_refusal_doubles_the_launch_pause_from_the_base_up_to_the_cap(long baseMillis, String expected) {
        SelectorDriver driver = new SelectorDriver(
                SelectorConfig.defaults().withBackOff(Duration.ofMillis(baseMillis), Duration.ofSeconds(10)));
        driver.send(observed(tillable("a")));
        Duration total = Duration.ZERO;

        for (String pause : expected.split(" ")) {
            launchAndRefuse(driver, "a");
            Duration hold = hold(driver);
            assertEquals(Duration.ofMillis(Long.parseLong(pause)), hold);
            total = total.plus(hold);

            Instant end = driver.state.backOff().holdUntil().get();
            assertTrue(launches(driver.at(seconds(end) - 0.001).send(roomyTick())).isEmpty(), "held until " + end);
            driver.at(seconds(end));
        }
        assertEquals(total, driver.counters().backOffTime());
    }

    @Test
    void a_confirmed_launch_resets_the_pause_to_the_base() {
        SelectorDriver driver = new SelectorDriver();
        driver.send(observed(tillable("a")));
        launchAndRefuse(driver, "a");
        driver.at(0.5);
        launchAndRefuse(driver, "a");
        driver.at(1.5);
        launchAndRefuse(driver, "a");
        assertEquals(Duration.ofSeconds(2), hold(driver));

        driver.at(3.5);
        LaunchTask launch = launches(driver.send(roomyTick())).single();
        driver.send(new LaunchSucceeded(launch.target(), Pid.of(1)));
        driver.send(heartbeat(1, "a", Lifecycle.TILL));
        assertEquals(BackOff.NONE, driver.state.backOff());

        driver.send(new HelpersRefused(Pid.of(1)));
        assertEquals(Duration.ofMillis(500), hold(driver));
    }

    @Test
    void a_confirmation_during_a_pause_ends_it_and_only_the_time_held_is_counted() {
        SelectorDriver driver = new SelectorDriver();
        driver.send(observed(tillable("a")));
        driver.send(observed(tillable("b")));
        LaunchTask first = launches(driver.send(roomyTick())).single();
        driver.send(new LaunchSucceeded(first.target(), Pid.of(1)));
        driver.send(heartbeat(1, first.target().value(), Lifecycle.TILL));
        LaunchTask second = launches(driver.send(roomyTick())).single();
        driver.send(new LaunchSucceeded(second.target(), Pid.of(2)));

        driver.at(1.0).send(new HelpersRefused(Pid.of(1)));
        assertTrue(driver.state.backOff().holds(driver.now));
        driver.at(1.2).send(heartbeat(2, second.target().value(), Lifecycle.TILL));

        assertEquals(BackOff.NONE, driver.state.backOff());
        assertEquals(Duration.ofMillis(200), driver.counters().backOffTime());
        assertEquals(1, launches(driver.send(roomyTick())).size());
    }

    @Test
    void heartbeats_and_finish_messages_are_handled_at_once_during_a_pause() {
        SelectorDriver driver = new SelectorDriver(
                SelectorConfig.defaults().withBackOff(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        driver.send(observed(tillable("a")));
        driver.send(observed(tillable("b")));
        driver.send(observed(tillable("c")));
        for (long pid = 1; pid <= 2; pid++) {
            LaunchTask launch = launches(driver.send(roomyTick())).single();
            driver.send(new LaunchSucceeded(launch.target(), Pid.of(pid)));
            driver.send(heartbeat(pid, launch.target().value(), Lifecycle.TILL));
        }
        launchAndRefuse(driver, "c");
        assertEquals(Duration.ofSeconds(10), hold(driver));

        for (double t = 1; t <= 6; t += 1) {
            driver.at(t).send(heartbeat(1, "a", Lifecycle.TILL));
            assertTrue(launches(driver.send(roomyTick())).isEmpty());
        }
        driver.at(6.5).send(new TaskFinished(HostName.of("b"), Lifecycle.TILL, Pid.of(2)));

        assertInstanceOf(Running.class, driver.task("a"), "heartbeats kept it alive past its 3 s timeout");
        assertInstanceOf(Pending.class, driver.task("b"), "its finish was handled at once");
        assertEquals(HostName.of("c"), launches(driver.at(10).send(roomyTick())).single().target(),
                "launches resume when the pause ends");
    }
}

package bitalloc.domain.selection;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import bitalloc.domain.game.Player;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.GameReloaded;
import bitalloc.domain.selection.SelectorEvent.Heartbeat;
import bitalloc.domain.selection.SelectorEvent.HelpersRefused;
import bitalloc.domain.selection.SelectorEvent.LaunchFailed;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.ProcessExited;
import bitalloc.domain.selection.SelectorEvent.Restored;
import bitalloc.domain.selection.SelectorEvent.RestoredTask;
import bitalloc.domain.selection.SelectorEvent.TargetObserved;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import bitalloc.domain.selection.SelectorEvent.TaskProcessSeen;
import bitalloc.domain.selection.SelectorEvent.Tick;
import bitalloc.domain.selection.TaskState.AwaitingHeartbeat;
import bitalloc.domain.selection.TaskState.Launching;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random event sequences against a small world that runs the selector's commands the way the game would: task
 * processes heartbeat (some never do), crash, finish, get their helpers refused; launch answers come late or not
 * at all; the selector restarts with part of its state; the game reloads. A failure prints the seed and the
 * last events, and {@code new World(seed).run()} replays it.
 */
class SelectorPropertyTest {

    private static final int SEQUENCES = 100;
    private static final int STEPS = 600;

    @TestFactory
    Stream<DynamicTest> random_event_sequences_never_double_a_task_launch_in_recovery_or_hold_the_gate_too_long() {
        return LongStream.rangeClosed(1, SEQUENCES)
                .mapToObj(seed -> dynamicTest("seed " + seed, () -> new World(seed).run()));
    }

    /** A live task process as the game holds it. */
    private record Process(Pid pid, HostName target, Lifecycle lifecycle, boolean silent, Instant lastHeartbeat) {
        Process beat(Instant now) {
            return new Process(pid, target, lifecycle, silent, now);
        }

        Process renumbered(Pid newPid) {
            return new Process(newPid, target, lifecycle, silent, lastHeartbeat);
        }
    }

    private record Delivery(Instant at, SelectorEvent event) {
    }

    static final class World {
        private static final List<HostName> TARGETS = List.of("a", "b", "c", "d", "e").map(HostName::of);
        private static final Duration SCAN_EVERY = Duration.ofSeconds(2);

        private final long seed;
        private final SplittableRandom random;
        private final TaskSelector selector = new TaskSelector(SelectorConfig.defaults());
        private final SelectorConfig config = selector.config();
        private final java.util.Map<Pid, Process> live = new java.util.LinkedHashMap<>();
        private final Set<Pid> exitedSinceScan = new LinkedHashSet<>();
        private final java.util.List<Delivery> delayed = new ArrayList<>();
        private final Deque<SelectorEvent> inbox = new ArrayDeque<>();
        private final Deque<Object> trace = new ArrayDeque<>();
        private SelectorState state = SelectorState.initial();
        private Instant now = SelectorDriver.START;
        private Instant lastScan = now;
        private long nextPid = 1;
        private int step;

        World(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        void run() {
            try {
                TARGETS.forEach(target -> send(observation(target)));
                for (step = 0; step < STEPS; step++) {
                    now = now.plusMillis(random.nextInt(400));
                    deliverDue();
                    heartbeats();
                    if (!now.isBefore(lastScan.plus(SCAN_EVERY))) {
                        scan();
                    }
                    act();
                }
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + seed + " failed at step " + step + " ("
                        + Duration.between(SelectorDriver.START, now) + "): " + failure.getMessage()
                        + "\nlast events:\n  " + List.ofAll(trace).mkString("\n  "), failure);
            }
        }

        private void act() {
            int roll = random.nextInt(100);
            if (roll < 40) {
                send(new Tick(randomFreeRam(), LinkedHashMap.empty()));
            } else if (roll < 48) {
                send(observation(TARGETS.get(random.nextInt(TARGETS.size()))));
            } else if (roll < 53) {
                randomLive().forEach(process -> exit(process.pid()));
            } else if (roll < 58) {
                randomLive().forEach(process -> {
                    exit(process.pid());
                    send(new TaskFinished(process.target(), process.lifecycle(), process.pid()));
                });
            } else if (roll < 62) {
                randomLive().forEach(process -> send(new HelpersRefused(process.pid())));
            } else if (roll < 66) {
                restart();
            } else if (roll < 67) {
                reload();
            }
        }

        private void send(SelectorEvent first) {
            inbox.add(first);
            while (!inbox.isEmpty()) {
                SelectorEvent event = inbox.poll();
                record("→", event);
                SelectorState before = state;
                Transition transition = selector.handle(before, event, now);
                state = transition.state();
                checkInvariants(before, event, transition);
                transition.commands().forEach(this::execute);
            }
        }

        private void execute(SelectorCommand command) {
            record("←", command);
            if (command instanceof KillTask kill) {
                if (live.remove(kill.pid()) != null) {
                    exitedSinceScan.add(kill.pid());
                }
                return;
            }
            LaunchTask launch = (LaunchTask) command;
            check(live.values().stream().noneMatch(process -> process.target().equals(launch.target())),
                    "launched a second task for " + launch.target() + " while " + live.values() + " live");
            int outcome = random.nextInt(100);
            if (outcome < 10) {
                inbox.add(new LaunchFailed(launch.target(),
                        LaunchFailureReason.values()[random.nextInt(LaunchFailureReason.values().length)]));
                return;
            }
            Pid pid = Pid.of(nextPid++);
            live.put(pid, new Process(pid, launch.target(), launch.lifecycle(), random.nextInt(100) < 25, now));
            if (outcome < 80) {
                inbox.add(new LaunchSucceeded(launch.target(), pid));
            } else if (outcome < 95) {
                delayed.add(new Delivery(now.plusMillis(random.nextInt(4000)), new LaunchSucceeded(launch.target(), pid)));
            } // else the answer is lost
        }

        private void checkInvariants(SelectorState before, SelectorEvent event, Transition transition) {
            List<LaunchTask> launches = SelectorDriver.launches(transition.commands());
            check(launches.size() <= 1, "more than one launch in one transition: " + launches);
            if (!launches.isEmpty()) {
                check(!before.recoveringAt(now), "launched inside the recovery window: " + launches);
                check(event instanceof Tick, "only a tick launches");
                LaunchTask launch = launches.head();
                Ram free = ((Tick) event).freeRam().get(launch.host()).getOrElse(Ram.ZERO);
                check(free.isAtLeast(launch.footprint().scriptRam()), "task script does not fit its host");
            }
            for (Target target : transition.state().targets().values()) {
                Instant since = target.task() instanceof Launching launching ? launching.requestedAt()
                        : target.task() instanceof AwaitingHeartbeat awaiting ? awaiting.launchedAt() : now;
                check(Duration.between(since, now).compareTo(config.launchGateBound()) < 0,
                        "launch gate held by " + target.name() + " since " + since);
                target.task().pid().forEach(pid -> check(transition.state().targets().values()
                        .count(other -> other.task().pid().contains(pid)) == 1, "pid " + pid + " on two targets"));
            }
        }

        private void deliverDue() {
            java.util.List<Delivery> due = delayed.stream().filter(d -> !now.isBefore(d.at())).toList();
            delayed.removeAll(due);
            due.forEach(delivery -> send(delivery.event()));
        }

        private void heartbeats() {
            for (Process process : List.ofAll(live.values())) {
                if (!process.silent() && Duration.between(process.lastHeartbeat(), now).toMillis() >= 1000) {
                    live.put(process.pid(), process.beat(now));
                    if (random.nextInt(100) < 90) {
                        send(new Heartbeat(process.pid(), Fixtures.scriptOf(process.lifecycle()), process.target(),
                                process.lifecycle()));
                    }
                }
            }
        }

        private void scan() {
            lastScan = now;
            List.ofAll(exitedSinceScan).forEach(pid -> send(new ProcessExited(pid)));
            exitedSinceScan.clear();
            for (Process process : List.ofAll(live.values())) {
                if (live.containsKey(process.pid())) {
                    send(new TaskProcessSeen(process.pid(), Fixtures.scriptOf(process.lifecycle()), Fixtures.HOME,
                            process.target(), process.lifecycle()));
                }
            }
        }

        /** The selector restarts; its store kept some of its tasks. */
        private void restart() {
            List<RestoredTask> persisted = state.targets().values().toList()
                    .filter(target -> target.task().pid().isDefined() && random.nextInt(100) < 70)
                    .map(target -> new RestoredTask(target.name(), target.task().pid().get(), Lifecycle.TILL,
                            Fixtures.HOME));
            SelectorCounters counters = state.counters();
            state = SelectorState.initial();
            send(new Restored(persisted, counters));
            TARGETS.forEach(target -> send(observation(target)));
        }

        /** The game reloads: pids restart at 1 and every saved task script restarts under a new pid. */
        private void reload() {
            List<Process> restarted = List.ofAll(live.values());
            live.clear();
            exitedSinceScan.clear();
            delayed.clear();
            nextPid = 1;
            for (Process process : restarted) {
                Pid pid = Pid.of(nextPid++);
                live.put(pid, process.renumbered(pid));
            }
            send(new GameReloaded());
        }

        private void exit(Pid pid) {
            live.remove(pid);
            exitedSinceScan.add(pid);
        }

        private io.vavr.control.Option<Process> randomLive() {
            List<Process> processes = List.ofAll(live.values());
            return processes.isEmpty() ? io.vavr.control.Option.none()
                    : io.vavr.control.Option.some(processes.get(random.nextInt(processes.size())));
        }

        private TargetObserved observation(HostName target) {
            double security = 3 + random.nextInt(3) * random.nextDouble() * 5;
            double money = 50_000_000 * (random.nextBoolean() ? 1 : random.nextDouble());
            return new TargetObserved(Fixtures.server(target.value(), 1, security, 3, money, 50_000_000, 20),
                    Player.atLevel(1 + random.nextInt(100)));
        }

        private Map<HostName, Ram> randomFreeRam() {
            return LinkedHashMap.of(Fixtures.HOME, Ram.ofHundredths(random.nextLong(40_000)),
                    Fixtures.PSERV, Ram.ofHundredths(random.nextLong(2_000)));
        }

        /** Kept unformatted: formatting every event would dominate the run time. */
        private void record(String direction, Object message) {
            trace.add(io.vavr.Tuple.of(Duration.between(SelectorDriver.START, now).toMillis(), direction, message));
            if (trace.size() > 40) {
                trace.poll();
            }
        }

        private static void check(boolean condition, String violation) {
            if (!condition) {
                throw new AssertionError(violation);
            }
        }
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Where a target's task script stands. Each state is its own type and offers only the transitions legal from it.
 */
public sealed interface TaskState {

    /** The task process, once the selector knows its pid. */
    Option<Pid> pid();

    /** RAM this task is promised beyond what the allocator already shows; none for adopted tasks. */
    Option<RamFootprint> footprint();

    /** True while the task blocks new launches: launched but not confirmed by a heartbeat (T4). */
    default boolean holdsLaunchGate() {
        return false;
    }

    /** True when a task script for the target may be alive. */
    default boolean mayHaveLiveTask() {
        return true;
    }

    /**
     * No task: the target waits for a launch.
     *
     * @param since     when the target became pending (oldest is launched first)
     * @param notBefore no launch before this instant: a task given up while its launch was unanswered may still
     *                  show up with a heartbeat until then
     */
    record Pending(Instant since, Instant notBefore) implements TaskState {
        public static Pending at(Instant now) {
            return new Pending(now, now);
        }

        public boolean launchableAt(Instant now) {
            return !now.isBefore(notBefore);
        }

        @Override
        public Option<Pid> pid() {
            return Option.none();
        }

        @Override
        public Option<RamFootprint> footprint() {
            return Option.none();
        }

        @Override
        public boolean mayHaveLiveTask() {
            return false;
        }

        Launching launch(TaskPlan plan, RamFootprint footprint, Instant now) {
            return new Launching(plan, footprint, now);
        }

        /** A heartbeat from a task the selector did not know. */
        Running adopt(Pid pid, Lifecycle lifecycle, Instant now) {
            return new Running(pid, lifecycle, Option.none(), now, now);
        }

        /** A scan shows a task the selector did not know; it has until {@code deadline} to send a heartbeat. */
        Recovering adoptSeen(Pid pid, Lifecycle lifecycle, HostName host, Instant deadline) {
            return new Recovering(pid, lifecycle, host, deadline, true);
        }
    }

    /** A launch command is out; the game's answer (pid or refusal) has not arrived. */
    record Launching(TaskPlan plan, RamFootprint launchFootprint, Instant requestedAt) implements TaskState {
        @Override
        public Option<Pid> pid() {
            return Option.none();
        }

        @Override
        public Option<RamFootprint> footprint() {
            return Option.some(launchFootprint);
        }

        @Override
        public boolean holdsLaunchGate() {
            return true;
        }

        public Lifecycle lifecycle() {
            return plan.lifecycle();
        }

        /** The pid clock starts at the request, so the gate's bound does not grow with the game's answer time. */
        AwaitingHeartbeat started(Pid pid) {
            return new AwaitingHeartbeat(pid, plan, launchFootprint, requestedAt, false);
        }

        /** A scan already shows the launched process, before the game's answer was handled. */
        AwaitingHeartbeat seenRunning(Pid pid) {
            return new AwaitingHeartbeat(pid, plan, launchFootprint, requestedAt, true);
        }

        /** The task's first heartbeat arrived before the game's answer was handled. */
        Running confirmed(Pid pid, Lifecycle lifecycle, Instant now) {
            return new Running(pid, lifecycle, Option.some(launchFootprint), now, now);
        }

        /** Given up without an answer: the task may exist, so the target waits a heartbeat timeout for it. */
        Pending abandoned(Instant now, SelectorConfig config) {
            return new Pending(now, now.plus(config.heartbeatTimeout()));
        }
    }

    /**
     * The game started the task (the design's "pending launch"); its first heartbeat has not arrived.
     *
     * @param seenRunning a scan showed the process alive since the launch
     */
    record AwaitingHeartbeat(Pid process, TaskPlan plan, RamFootprint launchFootprint, Instant launchedAt,
                             boolean seenRunning) implements TaskState {
        @Override
        public Option<Pid> pid() {
            return Option.some(process);
        }

        @Override
        public Option<RamFootprint> footprint() {
            return Option.some(launchFootprint);
        }

        @Override
        public boolean holdsLaunchGate() {
            return true;
        }

        /** When the launch is given up: at the launch timeout if never seen running, else at the heartbeat timeout. */
        public Instant deadline(SelectorConfig config) {
            return launchedAt.plus(seenRunning ? config.launchGateBound() : config.launchTimeout());
        }

        AwaitingHeartbeat seen() {
            return new AwaitingHeartbeat(process, plan, launchFootprint, launchedAt, true);
        }

        Running confirmed(Lifecycle lifecycle, Instant now) {
            return new Running(process, lifecycle, Option.some(launchFootprint), now, now);
        }
    }

    /** A confirmed task, alive as long as its heartbeats keep coming. */
    record Running(Pid process, Lifecycle lifecycle, Option<RamFootprint> footprint, Instant confirmedAt,
                   Instant lastHeartbeat) implements TaskState {
        @Override
        public Option<Pid> pid() {
            return Option.some(process);
        }

        public Instant deadline(SelectorConfig config) {
            return lastHeartbeat.plus(config.heartbeatTimeout());
        }

        Running heartbeat(Lifecycle reported, Instant now) {
            return new Running(process, reported, footprint, confirmedAt, now);
        }
    }

    /**
     * A task known from persisted state or a scan, not yet confirmed by a heartbeat since the restart.
     *
     * @param deadline    when it is given up: killed if a scan showed it, else assumed gone
     * @param seenRunning a scan showed the process alive
     */
    record Recovering(Pid process, Lifecycle lifecycle, HostName host, Instant deadline, boolean seenRunning)
            implements TaskState {
        @Override
        public Option<Pid> pid() {
            return Option.some(process);
        }

        @Override
        public Option<RamFootprint> footprint() {
            return Option.none();
        }

        Recovering seen() {
            return new Recovering(process, lifecycle, host, deadline, true);
        }

        Running confirmed(Lifecycle reported, Instant now) {
            return new Running(process, reported, Option.none(), now, now);
        }
    }
}

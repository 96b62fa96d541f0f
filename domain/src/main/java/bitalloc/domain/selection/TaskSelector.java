package bitalloc.domain.selection;

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
import bitalloc.domain.selection.SelectorEvent.TargetDiscovered;
import bitalloc.domain.selection.SelectorEvent.TargetObserved;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import bitalloc.domain.selection.SelectorEvent.TaskProcessSeen;
import bitalloc.domain.selection.SelectorEvent.Tick;
import bitalloc.domain.selection.TaskState.AwaitingHeartbeat;
import bitalloc.domain.selection.TaskState.Launching;
import bitalloc.domain.selection.TaskState.Pending;
import bitalloc.domain.selection.TaskState.Recovering;
import bitalloc.domain.selection.TaskState.Running;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Iterator;

/**
 * The task selector (DESIGN.md T1–T9): a pure state machine that moves targets through till → sow → harvest with
 * at most one task script per target. {@link #handle} takes an event and the current instant and returns the next
 * state and the commands to carry out; it never sleeps and never reads a clock.
 *
 * <p>Every event is handled at once, back-off or not. After the event, every deadline that has passed is applied
 * (launch timeout, heartbeat timeout, recovery window), so the launch gate ends no later than the first event
 * after its bound. Only a {@link Tick} launches, at most one task, and only when no launch awaits its heartbeat,
 * no back-off holds, no recovery window is open and the task limit allows.
 */
public final class TaskSelector {

    private final SelectorConfig config;
    private final TaskPlanner planner;

    public TaskSelector(SelectorConfig config) {
        this.config = config;
        this.planner = new TaskPlanner(config);
    }

    public SelectorConfig config() {
        return config;
    }

    public TaskPlanner planner() {
        return planner;
    }

    public Transition handle(SelectorState state, SelectorEvent event, Instant now) {
        Transition handled = apply(state, event, now).andThen(next -> expire(next, now));
        if (event instanceof Tick tick) {
            return handled.andThen(next -> launchNext(next, tick, now));
        }
        return handled;
    }

    private Transition apply(SelectorState state, SelectorEvent event, Instant now) {
        if (event instanceof TargetDiscovered discovered) {
            return Transition.to(state.withTarget(state.targetOrNew(discovered.target(), now)));
        } else if (event instanceof TargetObserved observed) {
            Target target = state.targetOrNew(observed.server().name(), now);
            return Transition.to(state.withTarget(target.observed(new Observation(observed.server(), observed.player()))));
        } else if (event instanceof Tick) {
            return Transition.to(state);
        } else if (event instanceof LaunchSucceeded succeeded) {
            return launchSucceeded(state, succeeded, now);
        } else if (event instanceof LaunchFailed failed) {
            return launchFailed(state, failed, now);
        } else if (event instanceof Heartbeat heartbeat) {
            return heartbeat(state, heartbeat, now);
        } else if (event instanceof TaskFinished finished) {
            return finished(state, finished, now);
        } else if (event instanceof ProcessExited exited) {
            return exited(state, exited.pid(), now);
        } else if (event instanceof HelpersRefused refused) {
            return helpersRefused(state, refused.pid(), now);
        } else if (event instanceof TaskProcessSeen seen) {
            return seen(state, seen, now);
        } else if (event instanceof Restored restored) {
            return restored(state, restored, now);
        } else if (event instanceof GameReloaded) {
            return reloaded(state, now);
        }
        throw new IllegalStateException("unhandled selector event " + event);
    }

    private Transition launchSucceeded(SelectorState state, LaunchSucceeded event, Instant now) {
        if (state.targetWithPid(event.pid()).isDefined()) {
            return Transition.to(state); // already adopted from its heartbeat or a scan
        }
        TaskState task = state.targetOrNew(event.target(), now).task();
        if (task instanceof Launching launching) {
            return Transition.to(state.withTask(event.target(), launching.started(event.pid()), now));
        }
        KillReason reason = task instanceof Pending ? KillReason.ABANDONED_LAUNCH : KillReason.DUPLICATE;
        return kill(Transition.to(state), event.target(), event.pid(), reason);
    }

    private Transition launchFailed(SelectorState state, LaunchFailed event, Instant now) {
        if (!(state.targetOrNew(event.target(), now).task() instanceof Launching)) {
            return Transition.to(state); // a late answer for a launch already given up
        }
        SelectorState failed = state.withTask(event.target(), Pending.at(now), now).count(SelectorCounters::failedOne);
        return Transition.to(event.reason().isRamShortage() ? backOff(failed, now) : failed);
    }

    private Transition heartbeat(SelectorState state, Heartbeat event, Instant now) {
        Option<Target> owner = state.targetWithPid(event.pid());
        if (owner.isDefined()) {
            return knownHeartbeat(state, owner.get(), event.lifecycle(), now);
        }
        Target target = state.targetOrNew(event.target(), now);
        TaskState task = target.task();
        if (task instanceof Pending pending) {
            return Transition.to(state.withTarget(target.withTask(pending.adopt(event.pid(), event.lifecycle(), now)))
                    .count(SelectorCounters::recoveredOne));
        } else if (task instanceof Launching launching) {
            // The task's first heartbeat overtook the game's answer to our launch: it is that launch.
            return Transition.to(confirm(state.withTarget(
                    target.withTask(launching.confirmed(event.pid(), event.lifecycle(), now))), now));
        } else if (task instanceof AwaitingHeartbeat awaiting) {
            // A live task nobody knew of; it has proven itself, the unconfirmed launch has not.
            SelectorState adopted = state.withTarget(target.withTask(
                            Pending.at(now).adopt(event.pid(), event.lifecycle(), now)))
                    .count(SelectorCounters::recoveredOne).count(SelectorCounters::failedOne);
            return kill(Transition.to(adopted), target.name(), awaiting.process(), KillReason.DUPLICATE);
        } else if (task instanceof Recovering recovering) {
            SelectorState adopted = state.withTarget(target.withTask(
                            Pending.at(now).adopt(event.pid(), event.lifecycle(), now)))
                    .count(SelectorCounters::recoveredOne);
            return recovering.seenRunning()
                    ? kill(Transition.to(adopted), target.name(), recovering.process(), KillReason.DUPLICATE)
                    : Transition.to(adopted);
        }
        return kill(Transition.to(state), target.name(), event.pid(), KillReason.DUPLICATE);
    }

    private Transition knownHeartbeat(SelectorState state, Target owner, Lifecycle lifecycle, Instant now) {
        TaskState task = owner.task();
        if (task instanceof AwaitingHeartbeat awaiting) {
            return Transition.to(confirm(state.withTarget(owner.withTask(awaiting.confirmed(lifecycle, now))), now));
        } else if (task instanceof Running running) {
            return Transition.to(state.withTarget(owner.withTask(running.heartbeat(lifecycle, now))));
        } else if (task instanceof Recovering recovering) {
            return Transition.to(state.withTarget(owner.withTask(recovering.confirmed(lifecycle, now)))
                    .count(SelectorCounters::recoveredOne));
        }
        throw new IllegalStateException("a task with a pid is awaiting, running or recovering: " + task);
    }

    /** A confirmed launch counts and ends any back-off. */
    private SelectorState confirm(SelectorState state, Instant now) {
        return state.count(SelectorCounters::confirmedOne).withBackOff(BackOff.NONE, now);
    }

    private Transition finished(SelectorState state, TaskFinished event, Instant now) {
        Option<Target> owner = state.targetWithPid(event.pid());
        if (owner.isEmpty()) {
            return Transition.to(state);
        }
        TaskState task = owner.get().task();
        SelectorState counted = state.count(SelectorCounters::finishedOne);
        if (task instanceof AwaitingHeartbeat) {
            counted = confirm(counted, now);
        } else if (task instanceof Recovering) {
            counted = counted.count(SelectorCounters::recoveredOne);
        }
        return Transition.to(counted.withTarget(owner.get().withTask(Pending.at(now)).withoutObservation()));
    }

    private Transition exited(SelectorState state, Pid pid, Instant now) {
        Option<Target> owner = state.targetWithPid(pid);
        if (owner.isEmpty()) {
            return Transition.to(state);
        }
        TaskState task = owner.get().task();
        SelectorState requeued = state.withTarget(owner.get().withTask(Pending.at(now)));
        if (task instanceof AwaitingHeartbeat) {
            return Transition.to(requeued.count(SelectorCounters::failedOne));
        } else if (task instanceof Running) {
            return Transition.to(requeued.count(SelectorCounters::exitedOne));
        }
        return Transition.to(requeued);
    }

    private Transition helpersRefused(SelectorState state, Pid pid, Instant now) {
        Option<Target> owner = state.targetWithPid(pid);
        if (owner.isEmpty()) {
            return Transition.to(state);
        }
        SelectorState requeued = state.withTarget(owner.get().withTask(Pending.at(now)))
                .count(SelectorCounters::helperRefusedOne).count(SelectorCounters::failedOne);
        return kill(Transition.to(backOff(requeued, now)), owner.get().name(), pid, KillReason.HELPERS_REFUSED);
    }

    private SelectorState backOff(SelectorState state, Instant now) {
        return state.withBackOff(state.backOff().refused(now, config), now);
    }

    private Transition seen(SelectorState state, TaskProcessSeen event, Instant now) {
        Option<Target> owner = state.targetWithPid(event.pid());
        if (owner.isDefined()) {
            TaskState task = owner.get().task();
            if (task instanceof AwaitingHeartbeat awaiting) {
                return Transition.to(state.withTarget(owner.get().withTask(awaiting.seen())));
            } else if (task instanceof Recovering recovering) {
                return Transition.to(state.withTarget(owner.get().withTask(recovering.seen())));
            }
            return Transition.to(state);
        }
        Target target = state.targetOrNew(event.target(), now);
        TaskState task = target.task();
        if (task instanceof Pending pending) {
            Instant deadline = later(now.plus(config.heartbeatTimeout()), state.recoveryUntil());
            return Transition.to(state.withTarget(target.withTask(
                    pending.adoptSeen(event.pid(), event.lifecycle(), event.host(), deadline))));
        } else if (task instanceof Launching launching) {
            return Transition.to(state.withTarget(target.withTask(launching.seenRunning(event.pid()))));
        } else if (task instanceof Recovering recovering && !recovering.seenRunning()) {
            // The recovered pid was never seen: it is stale; the process the scan shows is the target's task.
            Instant deadline = later(recovering.deadline(), Option.some(now.plus(config.heartbeatTimeout())));
            return Transition.to(state.withTarget(target.withTask(new Recovering(event.pid(), event.lifecycle(),
                    event.host(), deadline, true))));
        }
        return kill(Transition.to(state), target.name(), event.pid(), KillReason.DUPLICATE);
    }

    private Transition restored(SelectorState state, Restored event, Instant now) {
        Instant windowEnd = now.plus(config.recoveryWindow());
        SelectorState restored = state.recoveringUntil(Option.some(windowEnd))
                .count(current -> event.counters().plus(current));
        for (RestoredTask task : event.tasks()) {
            Target target = restored.targetOrNew(task.target(), now);
            if (target.task() instanceof Pending && restored.targetWithPid(task.pid()).isEmpty()) {
                restored = restored.withTarget(target.withTask(
                        new Recovering(task.pid(), task.lifecycle(), task.host(), windowEnd, false)));
            }
        }
        return Transition.to(restored);
    }

    /** Old pids mean nothing after a reload; saved task scripts restart and will show up with new pids. */
    private Transition reloaded(SelectorState state, Instant now) {
        SelectorState cleared = state.recoveringUntil(Option.some(now.plus(config.recoveryWindow())));
        for (Target target : state.targets().values()) {
            if (target.task().mayHaveLiveTask()) {
                cleared = cleared.withTarget(target.withTask(Pending.at(now)));
            }
        }
        return Transition.to(cleared);
    }

    private Transition expire(SelectorState state, Instant now) {
        Transition result = Transition.to(state.recoveringUntil(state.recoveryUntil().filter(now::isBefore)));
        // Runs after every event: iterates the map in place rather than building a sequence of its values.
        for (Iterator<Target> targets = state.targets().valuesIterator(); targets.hasNext(); ) {
            Target target = targets.next();
            // Most targets wait to launch and have no deadline: skip them without building a transition.
            if (!(target.task() instanceof Pending)) {
                result = result.andThen(current -> expireTask(current, target, now));
            }
        }
        return result;
    }

    private Transition expireTask(SelectorState state, Target target, Instant now) {
        TaskState task = target.task();
        Transition unchanged = Transition.to(state);
        if (task instanceof Launching launching) {
            if (reached(now, launching.requestedAt().plus(config.launchTimeout()))) {
                return Transition.to(state.withTarget(target.withTask(launching.abandoned(now, config)))
                        .count(SelectorCounters::failedOne).count(SelectorCounters::timedOutOne));
            }
        } else if (task instanceof AwaitingHeartbeat awaiting) {
            if (reached(now, awaiting.deadline(config))) {
                KillReason reason = awaiting.seenRunning() ? KillReason.SILENT : KillReason.LAUNCH_TIMEOUT;
                SelectorState requeued = state.withTarget(target.withTask(Pending.at(now)))
                        .count(SelectorCounters::failedOne).count(SelectorCounters::timedOutOne);
                return kill(Transition.to(requeued), target.name(), awaiting.process(), reason);
            }
        } else if (task instanceof Running running) {
            if (reached(now, running.deadline(config))) {
                SelectorState requeued = state.withTarget(target.withTask(Pending.at(now)))
                        .count(SelectorCounters::timedOutOne);
                return kill(Transition.to(requeued), target.name(), running.process(), KillReason.HEARTBEAT_TIMEOUT);
            }
        } else if (task instanceof Recovering recovering) {
            if (reached(now, recovering.deadline())) {
                SelectorState requeued = state.withTarget(target.withTask(Pending.at(now)));
                // Never seen by a scan: the pid is gone, and killing it could hit an unrelated process.
                return recovering.seenRunning()
                        ? kill(Transition.to(requeued.count(SelectorCounters::timedOutOne)), target.name(),
                                recovering.process(), KillReason.SILENT)
                        : Transition.to(requeued);
            }
        }
        return unchanged;
    }

    private Transition launchNext(SelectorState state, Tick tick, Instant now) {
        if (state.recoveringAt(now) || state.backOff().holds(now) || state.launchGateClosed()
                || state.liveTasks() >= config.maxActiveTasks()) {
            return Transition.to(state);
        }
        List<Target> candidates = waitingTargets(state)
                .filter(target -> ((Pending) target.task()).launchableAt(now))
                .sortBy(target -> ((Pending) target.task()).since());
        if (candidates.isEmpty()) {
            return Transition.to(state); // no target waits: the tick's RAM picture is never read
        }
        RamBudget budget = budget(state, tick);
        for (Target target : candidates) {
            Option<LaunchTask> launch = launchFor(target, budget);
            if (launch.isDefined()) {
                Pending pending = (Pending) target.task();
                SelectorState launched = state
                        .withTarget(target.withTask(pending.launch(launch.get().plan(), launch.get().footprint(), now)))
                        .count(SelectorCounters::launchedOne);
                return Transition.to(launched).emit(launch.get());
            }
        }
        return Transition.to(state);
    }

    private Option<LaunchTask> launchFor(Target target, RamBudget budget) {
        Observation seen = target.observation().get();
        Lifecycle lifecycle = planner.classify(seen.server());
        TaskScript script = config.taskScripts().forLifecycle(lifecycle);
        return budget.hostFor(script.ram()).flatMap(host -> {
            // The allocator, not this plan, chooses which host takes the script's own RAM: plan for the worst.
            long capacity = budget.threadCapacityAfterScript(script.ram(), config.helperRam().largest());
            return planner.plan(lifecycle, seen.server(), seen.player(), capacity).map(plan -> new LaunchTask(
                    target.name(), lifecycle, host, script.file(), plan.args(target.name()), plan,
                    new RamFootprint(host, script.ram(), plan.helperRam(config.helperRam()))));
        });
    }

    /** Free RAM less what live tasks were promised and the tick does not yet show them holding. */
    private static RamBudget budget(SelectorState state, Tick tick) {
        return budgetWithout(state, tick, Option.none());
    }

    /**
     * The budget of {@code tick}'s free RAM less the promises of every live task except {@code excluded}'s: what
     * is left for that target's task (or, with none excluded, for anything else).
     */
    public static RamBudget budgetWithout(SelectorState state, Tick tick, Option<HostName> excluded) {
        RamBudget budget = RamBudget.of(tick.freeRam());
        for (Iterator<Target> targets = state.targets().valuesIterator(); targets.hasNext(); ) {
            Target target = targets.next();
            if (excluded.contains(target.name())) {
                continue;
            }
            TaskState task = target.task();
            Ram visible = task.pid().flatMap(tick.taskRamInUse()::get).getOrElse(Ram.ZERO);
            for (RamFootprint footprint : task.footprint()) {
                budget = budget.promising(footprint.outstanding(visible));
            }
        }
        return budget;
    }

    /**
     * The RAM that targets waiting for a launch would take at full size: spare RAM is what is left beyond it.
     * Nothing waits while the task limit is reached, since no launch can happen then.
     */
    public Ram waitingDemand(SelectorState state, Instant now) {
        if (state.liveTasks() >= config.maxActiveTasks()) {
            return Ram.ZERO;
        }
        Ram demand = Ram.ZERO;
        for (Target target : waitingTargets(state)) {
            Observation seen = target.observation().get();
            Lifecycle lifecycle = planner.classify(seen.server());
            for (TaskPlan plan : planner.fullPlan(lifecycle, seen.server(), seen.player())) {
                demand = demand.plus(config.taskScripts().forLifecycle(lifecycle).ram())
                        .plus(plan.helperRam(config.helperRam()));
            }
        }
        return demand;
    }

    /**
     * The target a filler weakens for hacking experience: among those the player can hack, the one with the most
     * experience per second of weakening (the game's experience grows with the server's difficulty, the weaken
     * time with its current security).
     */
    public Option<HostName> experienceTarget(SelectorState state) {
        return state.targets().values().toList()
                .flatMap(Target::observation)
                .filter(seen -> planner.worthHacking(seen.server(), seen.player()))
                .maxBy(seen -> planner.experienceRate(seen.server(), seen.player()))
                .map(seen -> seen.server().name());
    }

    private List<Target> waitingTargets(SelectorState state) {
        return state.targets().values().toList()
                .filter(target -> target.task() instanceof Pending)
                .filter(target -> target.observation()
                        .exists(seen -> planner.worthHacking(seen.server(), seen.player())));
    }

    private static Transition kill(Transition transition, HostName target, Pid pid, KillReason reason) {
        return transition.map(state -> state.count(SelectorCounters::killedOne)).emit(new KillTask(pid, target, reason));
    }

    private static boolean reached(Instant now, Instant deadline) {
        return !now.isBefore(deadline);
    }

    private static Instant later(Instant instant, Option<Instant> other) {
        return other.filter(instant::isBefore).getOrElse(instant);
    }
}

package bitalloc.application.service;

import bitalloc.application.port.out.history.HistoryEvent.TaskEvent;
import bitalloc.application.port.out.history.HistoryEvent.TaskEventKind;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.BackOff;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorCommand;
import bitalloc.domain.selection.SelectorConfig;
import bitalloc.domain.selection.SelectorCounters;
import bitalloc.domain.selection.SelectorEvent;
import bitalloc.domain.selection.SelectorState;
import bitalloc.domain.selection.Target;
import bitalloc.domain.selection.TaskState;
import bitalloc.domain.selection.Transition;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * After each selector step: saves the targets whose task changed (durable state, T8) and writes the step's
 * task events to the history. Only changed targets are touched, so a tick that changes nothing costs nothing.
 */
@Singleton
public final class SelectorPersistence {

    private final StateStore store;
    private final Transactions transactions;
    private final HistoryLog history;
    private final TaskHosts taskHosts;
    private final SelectorConfig config;

    @Inject
    public SelectorPersistence(StateStore store, Transactions transactions, HistoryLog history, TaskHosts taskHosts,
                               SelectorConfig config) {
        this.store = store;
        this.transactions = transactions;
        this.history = history;
        this.taskHosts = taskHosts;
        this.config = config;
    }

    void changed(SelectorState before, Transition transition, TargetChanges targets, SelectorEvent event,
                 GameSession session, Instant now) {
        SelectorState after = transition.state();
        // Identity, not equality: an event that changes nothing keeps the very same state, and comparing two states
        // target by target cost more than the checks below, which find an equal state unchanged anyway.
        if (transition.commands().isEmpty() && before == after) {
            return;
        }
        List<Target> changedTasks = changedTasks(targets);
        boolean backOffChanged = !before.backOff().equals(after.backOff());
        if (!changedTasks.isEmpty() || backOffChanged) {
            transactions.inTransaction(() -> {
                changedTasks.forEach(target -> saveTask(target, before, session, now));
                if (backOffChanged) {
                    saveBackOff(after.backOff(), now);
                }
            });
        }
        recordHistory(before, transition, event, session, now);
    }

    /** Targets whose stored task differs; none when the step kept the very same targets (a counter moved). */
    private static List<Target> changedTasks(TargetChanges changes) {
        java.util.List<Target> changed = new ArrayList<>();
        for (TargetChanges.Change change : changes.changes()) {
            change.after().filter(after -> !change.before().exists(was -> durablySame(was.task(), after.task())))
                    .forEach(changed::add);
        }
        return List.ofAll(changed);
    }

    /**
     * Whether the stored form of a task is unchanged. A heartbeat only moves a running task's last heartbeat,
     * which recovery never reads (a recovered task must heartbeat again within the recovery window), so it is
     * not a durable change: committing one row per heartbeat was most of the simulator's H2 time. A new
     * observation of the target is not stored either.
     */
    private static boolean durablySame(TaskState before, TaskState after) {
        if (before instanceof TaskState.Running was && after instanceof TaskState.Running now) {
            return was.process().equals(now.process()) && was.lifecycle() == now.lifecycle()
                    && was.confirmedAt().equals(now.confirmedAt());
        }
        return before.equals(after);
    }

    private void saveTask(Target target, SelectorState before, GameSession session, Instant now) {
        HostName name = target.name();
        TaskState task = target.task();
        if (task instanceof TaskState.AwaitingHeartbeat awaiting) {
            store.removeTask(name);
            store.savePendingLaunch(new StoredPendingLaunch(name, stored(awaiting.plan().lifecycle()), session,
                    awaiting.process(), hostOf(awaiting.process(), name), script(awaiting.plan().lifecycle()),
                    awaiting.launchedAt(), awaiting.launchFootprint().total()));
        } else if (task instanceof TaskState.Running running) {
            store.removePendingLaunch(name);
            store.saveTask(new StoredTask(name, stored(running.lifecycle()), session, running.process(),
                    hostOf(running.process(), name), script(running.lifecycle()), running.confirmedAt(),
                    running.lastHeartbeat()));
        } else if (task instanceof TaskState.Recovering recovering) {
            store.removePendingLaunch(name);
            store.saveTask(new StoredTask(name, stored(recovering.lifecycle()), session, recovering.process(),
                    recovering.host(), script(recovering.lifecycle()), now, now));
        } else {
            boolean hadTask = before.target(name).exists(old -> old.task().pid().isDefined());
            if (hadTask) {
                store.removeTask(name);
                store.removePendingLaunch(name);
            }
        }
    }

    private void saveBackOff(BackOff backOff, Instant now) {
        if (backOff.consecutiveRefusals() == 0 || backOff.holdUntil().isEmpty()) {
            store.clearBackoff();
            return;
        }
        Instant until = backOff.holdUntil().get();
        store.saveBackoff(new StoredBackoff(backOff.consecutiveRefusals(),
                BackOff.delayAfter(backOff.consecutiveRefusals(), config), until));
    }

    private HostName hostOf(Pid pid, HostName fallback) {
        // A task adopted by heartbeat before any scan showed it: its host is learnt at the next scan.
        return taskHosts.hostOf(pid).getOrElse(fallback);
    }

    private String script(Lifecycle lifecycle) {
        return config.taskScripts().forLifecycle(lifecycle).file();
    }

    static TaskLifecycle stored(Lifecycle lifecycle) {
        return TaskLifecycle.valueOf(lifecycle.name());
    }

    private void recordHistory(SelectorState before, Transition transition, SelectorEvent event, GameSession session,
                               Instant now) {
        for (SelectorCommand command : transition.commands()) {
            if (command instanceof SelectorCommand.LaunchTask launch) {
                task(TaskEventKind.LAUNCHED, launch.target(), Option.some(launch.lifecycle()), Option.none(),
                        "on " + launch.host() + ", footprint " + launch.estimatedRam()
                                + (launch.plan().scaledDown() ? " (scaled down)" : ""), session, now);
            } else if (command instanceof SelectorCommand.KillTask kill) {
                task(TaskEventKind.KILLED, kill.target(), Option.none(), Option.some(kill.pid()),
                        kill.reason().name(), session, now);
            }
        }
        SelectorCounters was = before.counters();
        SelectorCounters is = transition.state().counters();
        Option<HostName> target = targetOf(event, before).orElse(() -> targetOf(event, transition.state()));
        if (is.confirmed() > was.confirmed()) {
            task(TaskEventKind.CONFIRMED, target, event, session, now);
        }
        if (is.recovered() > was.recovered()) {
            task(TaskEventKind.ADOPTED, target, event, session, now);
        }
        if (is.timedOut() > was.timedOut()) {
            task(TaskEventKind.TIMED_OUT, target, event, session, now);
        }
        if (is.failed() > was.failed()) {
            task(TaskEventKind.FAILED, target, event, session, now);
        }
        if (is.finished() > was.finished()) {
            task(TaskEventKind.FINISHED, target, event, session, now);
        }
        if (is.exited() > was.exited()) {
            task(TaskEventKind.HEARTBEAT_GAP, target, event, session, now);
        }
        if (transition.state().backOff().consecutiveRefusals() > before.backOff().consecutiveRefusals()) {
            Duration delay = BackOff.delayAfter(transition.state().backOff().consecutiveRefusals(), config);
            history.append(new TaskEvent(now, session, TaskEventKind.BACKED_OFF, Option.none(), Option.none(),
                    Option.none(), "launches held for " + delay.toMillis() + " ms"));
        }
    }

    private void task(TaskEventKind kind, Option<HostName> target, SelectorEvent event, GameSession session,
                      Instant now) {
        task(kind, target, Option.none(), pidOf(event), event.getClass().getSimpleName(), session, now);
    }

    private void task(TaskEventKind kind, HostName target, Option<Lifecycle> lifecycle, Option<Pid> pid,
                      String detail, GameSession session, Instant now) {
        task(kind, Option.some(target), lifecycle, pid, detail, session, now);
    }

    private void task(TaskEventKind kind, Option<HostName> target, Option<Lifecycle> lifecycle, Option<Pid> pid,
                      String detail, GameSession session, Instant now) {
        history.append(new TaskEvent(now, session, kind, target, lifecycle.map(SelectorPersistence::stored), pid,
                detail));
    }

    private static Option<HostName> targetOf(SelectorEvent event, SelectorState state) {
        if (event instanceof SelectorEvent.LaunchSucceeded e) {
            return Option.some(e.target());
        } else if (event instanceof SelectorEvent.LaunchFailed e) {
            return Option.some(e.target());
        } else if (event instanceof SelectorEvent.Heartbeat e) {
            return Option.some(e.target());
        } else if (event instanceof SelectorEvent.TaskFinished e) {
            return Option.some(e.target());
        } else if (event instanceof SelectorEvent.TaskProcessSeen e) {
            return Option.some(e.target());
        }
        return pidOf(event).flatMap(pid -> state.targetWithPid(pid).map(Target::name));
    }

    private static Option<Pid> pidOf(SelectorEvent event) {
        if (event instanceof SelectorEvent.LaunchSucceeded e) {
            return Option.some(e.pid());
        } else if (event instanceof SelectorEvent.Heartbeat e) {
            return Option.some(e.pid());
        } else if (event instanceof SelectorEvent.TaskFinished e) {
            return Option.some(e.pid());
        } else if (event instanceof SelectorEvent.ProcessExited e) {
            return Option.some(e.pid());
        } else if (event instanceof SelectorEvent.HelpersRefused e) {
            return Option.some(e.pid());
        } else if (event instanceof SelectorEvent.TaskProcessSeen e) {
            return Option.some(e.pid());
        }
        return Option.none();
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Everything the task selector remembers: its targets with their task states, the launch back-off, the end of
 * the recovery window and its counters. Immutable; {@link TaskSelector#handle} returns the next one.
 */
public record SelectorState(SortedMap<HostName, Target> targets, BackOff backOff, Option<Instant> recoveryUntil,
                            SelectorCounters counters) {

    /** A selector that knows nothing and is not recovering: a first start, or a test. */
    public static SelectorState initial() {
        return new SelectorState(TreeMap.empty(), BackOff.NONE, Option.none(), SelectorCounters.ZERO);
    }

    public Option<Target> target(HostName name) {
        return targets.get(name);
    }

    /** The target whose task has this pid. */
    public Option<Target> targetWithPid(Pid pid) {
        return targets.values().find(target -> target.task().pid().contains(pid));
    }

    public boolean recoveringAt(Instant now) {
        return recoveryUntil.exists(now::isBefore);
    }

    /** True while a launched task awaits its first heartbeat (or the game's answer): no other launch starts. */
    public boolean launchGateClosed() {
        return targets.values().exists(target -> target.task().holdsLaunchGate());
    }

    /** Targets whose task script may be alive, launches in progress included. */
    public int liveTasks() {
        return targets.values().count(target -> target.task().mayHaveLiveTask());
    }

    SelectorState withTarget(Target target) {
        return new SelectorState(targets.put(target.name(), target), backOff, recoveryUntil, counters);
    }

    /** The named target, created as pending when the selector has not heard of it. */
    Target targetOrNew(HostName name, Instant now) {
        return targets.get(name).getOrElse(() -> new Target(name, Option.none(), TaskState.Pending.at(now)));
    }

    SelectorState withTask(HostName name, TaskState task, Instant now) {
        return withTarget(targetOrNew(name, now).withTask(task));
    }

    SelectorState count(UnaryOperator<SelectorCounters> change) {
        return new SelectorState(targets, backOff, recoveryUntil, change.apply(counters));
    }

    /** Replaces the back-off, accounting the launch-hold time this adds or takes back. */
    SelectorState withBackOff(BackOff next, Instant now) {
        SelectorCounters accounted = counters.backedOff(backOff.addedHold(next, now));
        return new SelectorState(targets, next, recoveryUntil, accounted);
    }

    /** This very state when {@code until} is unchanged, so an event that changes nothing keeps the same state. */
    SelectorState recoveringUntil(Option<Instant> until) {
        return until.equals(recoveryUntil) ? this : new SelectorState(targets, backOff, until, counters);
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;

/** Drives a selector in virtual time: set the instant, send events, look at commands and state. */
final class SelectorDriver {

    static final Instant START = Instant.parse("2025-04-04T00:00:00Z");

    final TaskSelector selector;
    SelectorState state = SelectorState.initial();
    Instant now = START;

    SelectorDriver() {
        this(SelectorConfig.defaults());
    }

    SelectorDriver(SelectorConfig config) {
        this.selector = new TaskSelector(config);
    }

    /** Moves virtual time to {@code seconds} after the start. */
    SelectorDriver at(double seconds) {
        Instant next = START.plus(Duration.ofNanos(Math.round(seconds * 1e9)));
        if (next.isBefore(now)) {
            throw new IllegalArgumentException("virtual time only moves forward");
        }
        now = next;
        return this;
    }

    List<SelectorCommand> send(SelectorEvent event) {
        Transition transition = selector.handle(state, event, now);
        state = transition.state();
        return transition.commands();
    }

    List<SelectorCommand> sendAll(SelectorEvent... events) {
        List<SelectorCommand> commands = List.empty();
        for (SelectorEvent event : events) {
            commands = commands.appendAll(send(event));
        }
        return commands;
    }

    TaskState task(String target) {
        return state.target(HostName.of(target)).get().task();
    }

    SelectorCounters counters() {
        return state.counters();
    }

    static List<LaunchTask> launches(List<SelectorCommand> commands) {
        return commands.filter(LaunchTask.class::isInstance).map(LaunchTask.class::cast);
    }

    static List<KillTask> kills(List<SelectorCommand> commands) {
        return commands.filter(KillTask.class::isInstance).map(KillTask.class::cast);
    }
}

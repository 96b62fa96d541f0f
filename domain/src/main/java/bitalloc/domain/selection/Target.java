package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import io.vavr.control.Option;

/**
 * A server being hacked: its latest observation (none until observed, and cleared when a phase finishes so the
 * next phase is chosen from fresh numbers) and the state of its one task script.
 */
public record Target(HostName name, Option<Observation> observation, TaskState task) {

    Target withTask(TaskState next) {
        return new Target(name, observation, next);
    }

    Target observed(Observation fresh) {
        return new Target(name, Option.some(fresh), task);
    }

    Target withoutObservation() {
        return new Target(name, Option.none(), task);
    }
}

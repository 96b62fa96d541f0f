package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** Something the application must carry out for the selector, then report back as an event. */
public sealed interface SelectorCommand {

    /**
     * Start {@code script} with one thread on {@code host} and report {@code LaunchSucceeded} or {@code LaunchFailed}.
     *
     * @param args      the script's arguments: target and the planned thread counts (see {@link TaskPlan#args})
     * @param plan      the same plan, typed
     * @param footprint the RAM the whole task is expected to hold: script on {@code host} plus helpers anywhere
     */
    record LaunchTask(HostName target, Lifecycle lifecycle, HostName host, String script, List<String> args,
                      TaskPlan plan, RamFootprint footprint) implements SelectorCommand {
        public Ram estimatedRam() {
            return footprint.total();
        }
    }

    /** Kill this task process (a no-op when it is already gone) and release what it holds. */
    record KillTask(Pid pid, HostName target, KillReason reason) implements SelectorCommand {
    }
}

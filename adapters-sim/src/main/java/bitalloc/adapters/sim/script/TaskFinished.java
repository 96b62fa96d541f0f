package bitalloc.adapters.sim.script;

import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** A task script's last message before it exits. */
public record TaskFinished(HostName host, Pid pid, String script, HostName target, Lifecycle lifecycle,
                           Outcome outcome) {

    public enum Outcome {
        /** the phase's work was done (or the planned rounds ran). */
        DONE,
        /** its helpers could not get RAM (allocation refused): the selector backs off (T5). */
        NO_RAM,
        /** its arguments made no sense (unknown target, bad numbers). */
        BAD_ARGUMENTS
    }
}

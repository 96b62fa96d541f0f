package bitalloc.domain.selection;

import java.time.Duration;

/**
 * What the selector did so far, for status and simulator reports.
 *
 * @param launched       task launches requested
 * @param confirmed      launches confirmed by a first heartbeat
 * @param failed         launches that ended without confirmation, and tasks whose helpers were refused RAM
 * @param timedOut       tasks given up by a timeout (launch, silence, heartbeat)
 * @param killed         kill commands issued
 * @param recovered      tasks adopted without being launched by this selector state (restart, reload, stray)
 * @param finished       tasks that reported their phase complete
 * @param exited         confirmed tasks a scan saw exit without finishing
 * @param helperRefusals RAM refusals of a task's helpers
 * @param backOffTime    total time launches were held by back-off
 */
public record SelectorCounters(long launched, long confirmed, long failed, long timedOut, long killed,
                               long recovered, long finished, long exited, long helperRefusals,
                               Duration backOffTime) {

    public static final SelectorCounters ZERO = new SelectorCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);

    SelectorCounters launchedOne() {
        return new SelectorCounters(launched + 1, confirmed, failed, timedOut, killed, recovered, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters confirmedOne() {
        return new SelectorCounters(launched, confirmed + 1, failed, timedOut, killed, recovered, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters failedOne() {
        return new SelectorCounters(launched, confirmed, failed + 1, timedOut, killed, recovered, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters timedOutOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut + 1, killed, recovered, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters killedOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed + 1, recovered, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters recoveredOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed, recovered + 1, finished, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters finishedOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed, recovered, finished + 1, exited,
                helperRefusals, backOffTime);
    }

    SelectorCounters exitedOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed, recovered, finished, exited + 1,
                helperRefusals, backOffTime);
    }

    SelectorCounters helperRefusedOne() {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed, recovered, finished, exited,
                helperRefusals + 1, backOffTime);
    }

    /** Adds (or, for a negative amount, takes back) back-off time. */
    SelectorCounters backedOff(Duration amount) {
        return new SelectorCounters(launched, confirmed, failed, timedOut, killed, recovered, finished, exited,
                helperRefusals, backOffTime.plus(amount));
    }

    /** These counters continued by {@code later} ones, for a selector restored after a restart. */
    SelectorCounters plus(SelectorCounters later) {
        return new SelectorCounters(launched + later.launched, confirmed + later.confirmed, failed + later.failed,
                timedOut + later.timedOut, killed + later.killed, recovered + later.recovered,
                finished + later.finished, exited + later.exited, helperRefusals + later.helperRefusals,
                backOffTime.plus(later.backOffTime));
    }
}

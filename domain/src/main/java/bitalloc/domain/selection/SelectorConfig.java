package bitalloc.domain.selection;

import bitalloc.domain.game.BitNode;
import java.time.Duration;

/**
 * Every knob of the task selector, with its default in {@link #defaults()}.
 *
 * @param launchTimeout         a launched task with no heartbeat by then, that no scan has shown running, has
 *                              failed: it is killed (in case it does run) and its target re-queued (default 2 s)
 * @param heartbeatTimeout      a confirmed task silent for this long is killed and re-queued; a launched task
 *                              that a scan showed running but that never sent a heartbeat gets this long from
 *                              its launch (default 3 s)
 * @param backOffBase           first launch pause after a RAM refusal; each further refusal doubles it (default 500 ms)
 * @param backOffCap            the longest launch pause (default 10 s)
 * @param recoveryWindow        after a restart or a game reload, no task is launched for this long, so that live
 *                              tasks can show themselves by heartbeat or scan (default 5 s: one heartbeat timeout
 *                              plus one 2 s poll)
 * @param tillSecurityTolerance a target with security above minimum + this is tilled (default 1.0)
 * @param sowMoneyRatio         a target with money below this fraction of its maximum is sown (default 0.99)
 * @param taskScripts           the script (file, RAM) of each lifecycle
 * @param helperRam             per-thread RAM of hack, grow and weaken helpers (default 1.70 / 1.75 / 1.75 GB)
 * @param batchSpacing          time between the four landings of one harvest batch; a new batch starts every four
 *                              spacings (default 200 ms, one game cycle)
 * @param maxBatchesInFlight    most harvest batches a task keeps alive at once (default 50)
 * @param maxHackFraction       largest share of a target's money one batch takes (default 0.5)
 * @param maxActiveTasks        most task scripts alive at once, pending launches included (default 64)
 * @param bitNode               the BitNode's multipliers for the hacking formulas (default BitNode 1)
 */
public record SelectorConfig(
        Duration launchTimeout,
        Duration heartbeatTimeout,
        Duration backOffBase,
        Duration backOffCap,
        Duration recoveryWindow,
        double tillSecurityTolerance,
        double sowMoneyRatio,
        TaskScripts taskScripts,
        HelperRam helperRam,
        Duration batchSpacing,
        int maxBatchesInFlight,
        double maxHackFraction,
        int maxActiveTasks,
        BitNode bitNode) {

    public SelectorConfig {
        requirePositive(launchTimeout, "launch timeout");
        requirePositive(heartbeatTimeout, "heartbeat timeout");
        requirePositive(backOffBase, "back-off base");
        requirePositive(backOffCap, "back-off cap");
        if (backOffCap.compareTo(backOffBase) < 0) {
            throw new IllegalArgumentException("back-off cap " + backOffCap + " is below its base " + backOffBase);
        }
        if (recoveryWindow.isNegative()) {
            throw new IllegalArgumentException("recovery window cannot be negative: " + recoveryWindow);
        }
        if (!(tillSecurityTolerance >= 0)) {
            throw new IllegalArgumentException("till tolerance must be >= 0: " + tillSecurityTolerance);
        }
        if (!(sowMoneyRatio > 0 && sowMoneyRatio <= 1)) {
            throw new IllegalArgumentException("sow money ratio must be in (0, 1]: " + sowMoneyRatio);
        }
        requirePositive(batchSpacing, "batch spacing");
        if (maxBatchesInFlight < 1 || maxActiveTasks < 1) {
            throw new IllegalArgumentException("batch and task limits must be at least 1");
        }
        if (!(maxHackFraction > 0 && maxHackFraction <= 1)) {
            throw new IllegalArgumentException("hack fraction must be in (0, 1]: " + maxHackFraction);
        }
    }

    public static SelectorConfig defaults() {
        return new SelectorConfig(
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                1.0,
                0.99,
                TaskScripts.DEFAULT,
                HelperRam.DEFAULT,
                Duration.ofMillis(200),
                50,
                0.5,
                64,
                BitNode.ONE);
    }

    /** The longest a launched task may go without a heartbeat before it is given up: the launch gate's bound. */
    public Duration launchGateBound() {
        return launchTimeout.compareTo(heartbeatTimeout) >= 0 ? launchTimeout : heartbeatTimeout;
    }

    public SelectorConfig withBackOff(Duration base, Duration cap) {
        return new SelectorConfig(launchTimeout, heartbeatTimeout, base, cap, recoveryWindow, tillSecurityTolerance,
                sowMoneyRatio, taskScripts, helperRam, batchSpacing, maxBatchesInFlight, maxHackFraction,
                maxActiveTasks, bitNode);
    }

    public SelectorConfig withTaskScripts(TaskScripts scripts) {
        return new SelectorConfig(launchTimeout, heartbeatTimeout, backOffBase, backOffCap, recoveryWindow,
                tillSecurityTolerance, sowMoneyRatio, scripts, helperRam, batchSpacing, maxBatchesInFlight,
                maxHackFraction, maxActiveTasks, bitNode);
    }

    public SelectorConfig withMaxActiveTasks(int limit) {
        return new SelectorConfig(launchTimeout, heartbeatTimeout, backOffBase, backOffCap, recoveryWindow,
                tillSecurityTolerance, sowMoneyRatio, taskScripts, helperRam, batchSpacing, maxBatchesInFlight,
                maxHackFraction, limit, bitNode);
    }

    public SelectorConfig withHarvest(Duration spacing, int maxBatches, double hackFraction) {
        return new SelectorConfig(launchTimeout, heartbeatTimeout, backOffBase, backOffCap, recoveryWindow,
                tillSecurityTolerance, sowMoneyRatio, taskScripts, helperRam, spacing, maxBatches, hackFraction,
                maxActiveTasks, bitNode);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }
}

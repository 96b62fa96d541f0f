package bitalloc.adapters.sim.scenario;

import java.time.Duration;

/**
 * Faults and their rates.
 *
 * @param taskCrashProbability chance that a task script dies abruptly (no release, no finish message)
 * @param taskHangProbability chance that a task script hangs: silent, acts no more, but keeps its RAM
 * @param faultWindow a crash or hang strikes at a uniformly drawn time within this long after the start
 *                    (if the task already ended by then, nothing happens)
 * @param helperTagLossProbability chance that a helper is started without its {@code --allocId} tag
 * @param gameReloadsPerHour mean rate of game reloads (Poisson)
 * @param bitallocRestartsPerHour mean rate of bitalloc restarts (Poisson), handled by the lead's wiring
 */
public record FaultProfile(double taskCrashProbability, double taskHangProbability, Duration faultWindow,
                           double helperTagLossProbability, double gameReloadsPerHour,
                           double bitallocRestartsPerHour) {
    public FaultProfile {
        if (taskCrashProbability < 0 || taskHangProbability < 0 || taskCrashProbability + taskHangProbability > 1
                || helperTagLossProbability < 0 || helperTagLossProbability > 1 || gameReloadsPerHour < 0
                || bitallocRestartsPerHour < 0 || faultWindow.isNegative() || faultWindow.isZero()) {
            throw new IllegalArgumentException("inconsistent fault profile: " + this);
        }
    }

    public static FaultProfile none() {
        return new FaultProfile(0, 0, Duration.ofMinutes(1), 0, 0, 0);
    }
}

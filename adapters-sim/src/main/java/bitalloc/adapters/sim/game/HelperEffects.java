package bitalloc.adapters.sim.game;

import bitalloc.adapters.sim.network.SimTarget;
import java.util.SplittableRandom;

/**
 * What a finished hack, grow or weaken does to its target, computed from the target's state when the call
 * finishes (its duration was fixed when it started), as the game does.
 */
public final class HelperEffects {

    private final GameFormulas formulas;
    private final SplittableRandom hackRolls;

    public HelperEffects(GameFormulas formulas, SplittableRandom hackRolls) {
        this.formulas = formulas;
        this.hackRolls = hackRolls;
    }

    public GameFormulas formulas() {
        return formulas;
    }

    /** A hack: money taken (and earned by the player), 0 when the roll fails or the level is too low. */
    public double hack(SimTarget target, int threads, int hackingLevel) {
        if (hackingLevel < target.requiredLevel()) {
            return 0;
        }
        if (hackRolls.nextDouble() >= formulas.hackChance(target, hackingLevel)) {
            return 0;
        }
        double fraction = formulas.hackFractionPerThread(target, hackingLevel);
        double taken = Math.min(target.money(), target.money() * fraction * threads);
        int effectiveThreads = fraction > 0 ? (int) Math.min(threads, Math.ceil(1 / fraction)) : threads;
        target.setMoney(target.money() - taken);
        target.setSecurity(target.security() + formulas.hackSecurityPerThread() * effectiveThreads);
        return taken;
    }

    /** A grow: money rises; security rises by the threads actually needed for the change. */
    public void grow(SimTarget target, int threads, int hostCores) {
        double before = target.money();
        double after = formulas.moneyAfterGrow(target, threads, hostCores);
        if (after <= before) {
            return;
        }
        double neededThreads = threadsToGrow(target, after, hostCores, threads);
        target.setMoney(after);
        target.setSecurity(target.security() + formulas.growSecurityPerThread() * neededThreads);
    }

    /** A weaken: security falls, never below the minimum. */
    public void weaken(SimTarget target, int threads, int hostCores) {
        target.setSecurity(target.security() - formulas.weakenPerThread(hostCores) * threads);
    }

    /** Fewest whole threads (at most {@code used}) that reach {@code goal}: the game charges security for those. */
    private double threadsToGrow(SimTarget target, double goal, int hostCores, int used) {
        int low = 1;
        int high = used;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (formulas.moneyAfterGrow(target, mid, hostCores) >= goal) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}

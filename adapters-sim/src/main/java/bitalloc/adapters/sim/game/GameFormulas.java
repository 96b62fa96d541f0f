package bitalloc.adapters.sim.game;

import bitalloc.adapters.sim.network.SimTarget;

/**
 * The hacking formulas the simulated helpers need (BITBURNER.md §4, BitNode 1, no intelligence, no
 * augmentation multipliers). Kept behind this interface so the shared implementation in
 * {@code bitalloc.domain.game} can replace {@link Bitburner28Formulas} once it lands.
 */
public interface GameFormulas {

    /** Seconds a hack started now takes; grow takes 3.2 times as long, weaken 4 times. */
    double hackSeconds(SimTarget target, int hackingLevel);

    default double growSeconds(SimTarget target, int hackingLevel) {
        return 3.2 * hackSeconds(target, hackingLevel);
    }

    default double weakenSeconds(SimTarget target, int hackingLevel) {
        return 4.0 * hackSeconds(target, hackingLevel);
    }

    /** Probability that a hack succeeds, in [0, 1]. */
    double hackChance(SimTarget target, int hackingLevel);

    /** Fraction of the target's money one hack thread takes, in [0, 1]. */
    double hackFractionPerThread(SimTarget target, int hackingLevel);

    /** Natural-log growth per grow thread at the target's current security, for a host with these cores. */
    double growLogPerThread(SimTarget target, int hostCores);

    /** Money after {@code threads} grow threads: min(max, (money + threads) · e^(k·threads)). */
    default double moneyAfterGrow(SimTarget target, double threads, int hostCores) {
        double grown = (target.money() + threads) * Math.exp(growLogPerThread(target, hostCores) * threads);
        return Math.min(target.maxMoney(), grown);
    }

    /** Security removed by one weaken thread on a host with these cores. */
    double weakenPerThread(int hostCores);

    /** Security added by one successful hack thread. */
    double hackSecurityPerThread();

    /** Security added by one grow thread that changed money. */
    double growSecurityPerThread();
}

package bitalloc.adapters.sim.game;

import bitalloc.adapters.sim.network.SimTarget;

/** Bitburner 2.8.1's formulas in BitNode-1 terms, written from the descriptions in BITBURNER.md §4. */
public final class Bitburner28Formulas implements GameFormulas {

    private static final double MAX_GROW_LOG = Math.log(1.0035);
    private static final double HACK_SECURITY = 0.002;
    private static final double WEAKEN_SECURITY = 0.05;

    @Override
    public double hackSeconds(SimTarget target, int hackingLevel) {
        return 5 * (2.5 * target.requiredLevel() * target.security() + 500) / (hackingLevel + 50.0);
    }

    @Override
    public double hackChance(SimTarget target, int hackingLevel) {
        if (!target.rooted() || target.security() >= 100) {
            return 0;
        }
        double skill = Math.max(1.75 * hackingLevel, 1);
        double chance = ((skill - target.requiredLevel()) / skill) * ((100 - target.security()) / 100);
        return clamp(chance);
    }

    @Override
    public double hackFractionPerThread(SimTarget target, int hackingLevel) {
        double fraction = ((100 - target.security()) / 100)
                * ((hackingLevel - target.requiredLevel() + 1.0) / hackingLevel) / 240;
        return clamp(fraction);
    }

    @Override
    public double growLogPerThread(SimTarget target, int hostCores) {
        double perThread = Math.min(Math.log1p(0.03 / target.security()), MAX_GROW_LOG);
        return perThread * (target.growth() / 100.0) * coreBonus(hostCores);
    }

    @Override
    public double weakenPerThread(int hostCores) {
        return WEAKEN_SECURITY * coreBonus(hostCores);
    }

    @Override
    public double hackSecurityPerThread() {
        return HACK_SECURITY;
    }

    @Override
    public double growSecurityPerThread() {
        return 2 * HACK_SECURITY;
    }

    private static double coreBonus(int cores) {
        return 1 + (cores - 1) / 16.0;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}

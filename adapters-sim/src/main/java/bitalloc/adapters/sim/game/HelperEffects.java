package bitalloc.adapters.sim.game;

import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.domain.game.HackingFormulas;
import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.Security;
import bitalloc.domain.game.TargetServer;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What a finished hack, grow or weaken does to its target, with the game's formulas
 * ({@link HackingFormulas}, shared with the selector). As in the game, a helper's duration is fixed from the
 * target's state when it starts and its effect uses the state when it finishes.
 */
public final class HelperEffects {

    private final HackingFormulas formulas;
    private final SplittableRandom hackRolls;

    public HelperEffects(HackingFormulas formulas, SplittableRandom hackRolls) {
        this.formulas = formulas;
        this.hackRolls = hackRolls;
    }

    public HackingFormulas formulas() {
        return formulas;
    }

    /** The formulas' view of a simulated target. */
    public static TargetServer view(SimTarget target) {
        return new TargetServer(target.name(), (int) target.requiredLevel(), Security.of(target.security()),
                Security.of(target.minSecurity()), Money.of(target.money()), Money.of(target.maxMoney()),
                (int) target.growth());
    }

    public static Player player(int hackingLevel) {
        return Player.atLevel(hackingLevel);
    }

    public Duration hackTime(SimTarget target, int hackingLevel) {
        return formulas.hackTime(view(target), player(hackingLevel));
    }

    public Duration growTime(SimTarget target, int hackingLevel) {
        return formulas.growTime(view(target), player(hackingLevel));
    }

    public Duration weakenTime(SimTarget target, int hackingLevel) {
        return formulas.weakenTime(view(target), player(hackingLevel));
    }

    /**
     * A hack: the money taken (and earned by the player); 0 without root, below the required level or when the
     * chance roll fails. Security rises only on success, for at most ceil(1/fraction) threads.
     */
    public double hack(SimTarget target, int threads, int hackingLevel) {
        if (!target.rooted() || hackingLevel < target.requiredLevel()) {
            return 0;
        }
        TargetServer server = view(target);
        Player player = player(hackingLevel);
        if (hackRolls.nextDouble() >= formulas.hackChance(server, player)) {
            return 0;
        }
        double fraction = formulas.hackFractionPerThread(server, player);
        double taken = Math.min(target.money(), target.money() * fraction * threads);
        long effectiveThreads = fraction > 0 ? (long) Math.min(threads, Math.ceil(1 / fraction)) : threads;
        target.setMoney(target.money() - taken);
        target.setSecurity(target.security() + formulas.hackSecurityIncrease(effectiveThreads));
        return taken;
    }

    /** A grow: money rises; security rises by the threads actually needed for that change. */
    public void grow(SimTarget target, int threads, int hostCores, int hackingLevel) {
        TargetServer server = view(target);
        Player player = player(hackingLevel);
        Money after = formulas.moneyAfterGrow(server, player, threads, hostCores);
        if (after.dollars() <= target.money()) {
            return;
        }
        long needed = Math.min(threads, formulas.growThreads(server, player, server.money(), after, hostCores));
        target.setMoney(after.dollars());
        target.setSecurity(target.security() + formulas.growSecurityIncrease(needed));
    }

    /** A weaken: security falls, never below the minimum. */
    public void weaken(SimTarget target, int threads, int hostCores) {
        target.setSecurity(target.security() - formulas.weakenEffect(threads, hostCores));
    }
}

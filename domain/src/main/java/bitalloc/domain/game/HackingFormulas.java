package bitalloc.domain.game;

import java.time.Duration;

/**
 * Bitburner 2.8 hacking formulas (BITBURNER.md §4), as pure functions of a server, the player and the BitNode.
 * Values are doubles like the game's own; thread counts come out as whole numbers rounded so that the
 * planned threads are enough to reach the goal.
 */
public final class HackingFormulas {

    /** Security added per successful hack thread (ServerFortifyAmount). */
    public static final double HACK_SECURITY_PER_THREAD = 0.002;
    /** Security added per grow thread that changed money (2 × ServerFortifyAmount). */
    public static final double GROW_SECURITY_PER_THREAD = 0.004;
    /** Security removed per weaken thread on a one-core host (ServerWeakenAmount). */
    public static final double WEAKEN_PER_THREAD = 0.05;

    private static final double MAX_SECURITY = 100;
    private static final double BASE_GROWTH_RATE = 0.03;
    private static final double MAX_GROWTH_LOG = Math.log1p(0.0035);
    private static final double HACK_BALANCE_FACTOR = 240;
    /** Absorbs float noise so that 200.0000000001 needed threads plans 200, not 201. */
    private static final double THREAD_ROUNDING_SLACK = 1e-9;

    private final BitNode bitNode;

    public HackingFormulas(BitNode bitNode) {
        this.bitNode = bitNode;
    }

    /** Probability in [0, 1] that one hack succeeds (ns.hackAnalyzeChance). */
    public double hackChance(TargetServer server, Player player) {
        double security = server.security().level();
        if (security >= MAX_SECURITY) {
            return 0;
        }
        double skill = Math.max(1.75 * player.hackingLevel(), 1);
        double skillChance = (skill - server.requiredHackingLevel()) / skill;
        double chance = skillChance * difficultyFactor(server) * player.hackChanceMult() * player.intelligenceBonus();
        return clampToUnit(chance);
    }

    /** Fraction in [0, 1] of the server's money that one hack thread takes (ns.hackAnalyze). */
    public double hackFractionPerThread(TargetServer server, Player player) {
        double level = player.hackingLevel();
        double skillFactor = (level - (server.requiredHackingLevel() - 1)) / level;
        double fraction = difficultyFactor(server) * skillFactor * player.hackMoneyMult() * bitNode.scriptHackMoney()
                / HACK_BALANCE_FACTOR;
        return clampToUnit(fraction);
    }

    public Duration hackTime(TargetServer server, Player player) {
        double skillFactor = (2.5 * server.requiredHackingLevel() * server.security().level() + 500)
                / (player.hackingLevel() + 50);
        double seconds = 5 * skillFactor / (player.hackSpeedMult() * bitNode.hackingSpeed() * player.intelligenceBonus());
        return seconds(seconds);
    }

    public Duration growTime(TargetServer server, Player player) {
        return scaled(hackTime(server, player), 3.2);
    }

    public Duration weakenTime(TargetServer server, Player player) {
        return scaled(hackTime(server, player), 4);
    }

    /**
     * Hacking experience one hack, grow or weaken thread earns against {@code server}: the game gives 3 plus 0.3 per
     * point of the server's base difficulty. The base difficulty is not observed; the game derives the minimum
     * security as a third of it, so three times the minimum stands in for it.
     */
    public double experiencePerThread(TargetServer server) {
        return 3 + 0.3 * 3 * server.minSecurity().level();
    }

    /** Security one weaken run with {@code threads} removes on a host with {@code cores}, before the floor. */
    public double weakenEffect(long threads, int cores) {
        return WEAKEN_PER_THREAD * threads * coreBonus(cores) * bitNode.serverWeakenRate();
    }

    /** Weaken threads needed to remove {@code securityDrop} on a host with {@code cores}. */
    public long weakenThreadsFor(double securityDrop, int cores) {
        if (securityDrop <= 0) {
            return 0;
        }
        return wholeThreads(securityDrop / weakenEffect(1, cores));
    }

    /** Weaken threads that bring the server to its minimum security (till). */
    public long weakenThreadsToMinimum(TargetServer server, int cores) {
        return weakenThreadsFor(server.security().excessOver(server.minSecurity()), cores);
    }

    public double hackSecurityIncrease(long threads) {
        return HACK_SECURITY_PER_THREAD * threads;
    }

    public double growSecurityIncrease(long threads) {
        return GROW_SECURITY_PER_THREAD * threads;
    }

    /**
     * Grow threads that take the server's money from {@code start} to {@code goal} at its current security on a
     * host with {@code cores}: the smallest whole x with (start + x)·e^(k·x) ≥ goal (formulas.hacking.growThreads).
     */
    public long growThreads(TargetServer server, Player player, Money start, Money goal, int cores) {
        double from = start.dollars();
        double to = Math.min(goal.dollars(), server.maxMoney().dollars());
        if (from >= to) {
            return 0;
        }
        double rate = growthLogPerThread(server, player, cores);
        if (rate <= 0) {
            return wholeThreads(to - from);
        }
        return wholeThreads(solveGrowth(from, to, rate));
    }

    /** Money after one grow run with {@code threads} on a host with {@code cores}, capped at the maximum. */
    public Money moneyAfterGrow(TargetServer server, Player player, long threads, int cores) {
        double rate = growthLogPerThread(server, player, cores);
        double grown = (server.money().dollars() + threads) * Math.exp(rate * threads);
        return Money.of(Math.min(server.maxMoney().dollars(), grown));
    }

    /** The per-thread log growth rate k of the grow formula. */
    double growthLogPerThread(TargetServer server, Player player, int cores) {
        double growthLog = Math.min(Math.log1p(BASE_GROWTH_RATE / server.security().level()), MAX_GROWTH_LOG);
        return growthLog * server.serverGrowth() / 100 * bitNode.serverGrowthRate() * player.growMult()
                * coreBonus(cores);
    }

    /**
     * Solves ln(from + x) + rate·x = ln(to) by Newton's method. The left side is concave and increasing, so
     * iterates starting below the root rise monotonically to it and never overshoot.
     */
    private static double solveGrowth(double from, double to, double rate) {
        double target = Math.log(to);
        double x = Math.max(0, 1 - from); // keeps ln(from + x) finite when the server holds $0
        for (int i = 0; i < 100; i++) {
            double gap = target - (Math.log(from + x) + rate * x);
            if (gap <= 1e-12) {
                break;
            }
            x += gap / (1 / (from + x) + rate);
        }
        return Math.max(1, x);
    }

    private static long wholeThreads(double exact) {
        return Math.max(1, (long) Math.ceil(exact - THREAD_ROUNDING_SLACK));
    }

    private static double coreBonus(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("a host has at least one core: " + cores);
        }
        return 1 + (cores - 1) / 16.0;
    }

    private static double difficultyFactor(TargetServer server) {
        return (MAX_SECURITY - server.security().level()) / MAX_SECURITY;
    }

    private static double clampToUnit(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }
}

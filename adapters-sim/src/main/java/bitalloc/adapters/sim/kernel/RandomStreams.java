package bitalloc.adapters.sim.kernel;

import java.util.SplittableRandom;

/**
 * One root generator per run, split once per concern in a fixed order, so a new random draw in one concern
 * (say the player) never shifts the draws of another (say the faults). Add new concerns at the end only.
 */
public final class RandomStreams {

    private final SplittableRandom network;
    private final SplittableRandom player;
    private final SplittableRandom faults;
    private final SplittableRandom scripts;
    private final SplittableRandom hacking;
    private final SplittableRandom allocationIds;

    public RandomStreams(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        network = root.split();
        player = root.split();
        faults = root.split();
        scripts = root.split();
        hacking = root.split();
        allocationIds = root.split();
    }

    /** World building: random draws of server security, money, RAM and cores. */
    public SplittableRandom network() {
        return network;
    }

    /** The player's foreign scripts, share and manual scripts. */
    public SplittableRandom player() {
        return player;
    }

    /** Crashes, hangs, lost tags, reloads and restarts. */
    public SplittableRandom faults() {
        return faults;
    }

    /** Heartbeat jitter of bitalloc's own scripts. */
    public SplittableRandom scripts() {
        return scripts;
    }

    /** Hack success rolls. */
    public SplittableRandom hacking() {
        return hacking;
    }

    /** Allocation ids for bitalloc in simulation (the application's AllocationIds port). */
    public SplittableRandom allocationIds() {
        return allocationIds;
    }

    /** Exponentially distributed waiting time in ms for events at {@code perHour} per hour; MAX_VALUE if off. */
    public static long exponentialMillis(SplittableRandom random, double perHour) {
        if (perHour <= 0) {
            return Long.MAX_VALUE;
        }
        double meanMillis = 3_600_000.0 / perHour;
        double u = 1.0 - random.nextDouble();
        return Math.max(1, Math.round(-Math.log(u) * meanMillis));
    }

    /** Uniform integer in [min, max], both included. */
    public static long uniform(SplittableRandom random, long min, long max) {
        return min >= max ? min : random.nextLong(min, max + 1);
    }
}

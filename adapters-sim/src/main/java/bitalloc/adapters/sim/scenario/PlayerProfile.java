package bitalloc.adapters.sim.scenario;

import bitalloc.domain.ram.Ram;
import java.time.Duration;

/**
 * The player's own activity, competing with bitalloc for RAM.
 *
 * @param scriptStartsPerMinute mean rate of foreign script starts (Poisson); 0 turns them off
 * @param homeBias probability that a foreign script goes to home; otherwise a usable host drawn uniformly
 * @param minRamPerThread smallest per-thread RAM of a foreign script (drawn uniformly in hundredths)
 * @param maxRamPerThread largest per-thread RAM
 * @param minThreads fewest threads of a foreign script
 * @param maxThreads most threads
 * @param minLifetime shortest life of a foreign script (drawn uniformly)
 * @param maxLifetime longest life
 * @param sharesPerHour mean rate at which the player uses the faction share UI (home RAM, no process)
 * @param shareRam RAM the share UI holds on home
 * @param shareHold how long share RAM is held (10 s in the game)
 * @param largeScriptsPerHour mean rate of one large manual script
 * @param largeMinPercentOfHome smallest size of a large script, in percent of home's max RAM
 * @param largeMaxPercentOfHome largest size
 * @param largeMinLifetime shortest life of a large script
 * @param largeMaxLifetime longest life
 */
public record PlayerProfile(double scriptStartsPerMinute, double homeBias, Ram minRamPerThread, Ram maxRamPerThread,
                            int minThreads, int maxThreads, Duration minLifetime, Duration maxLifetime,
                            double sharesPerHour, Ram shareRam, Duration shareHold, double largeScriptsPerHour,
                            int largeMinPercentOfHome, int largeMaxPercentOfHome, Duration largeMinLifetime,
                            Duration largeMaxLifetime) {
    public PlayerProfile {
        if (minThreads < 1 || maxThreads < minThreads || minRamPerThread.compareTo(maxRamPerThread) > 0
                || minLifetime.compareTo(maxLifetime) > 0 || largeMinLifetime.compareTo(largeMaxLifetime) > 0
                || largeMinPercentOfHome < 1 || largeMaxPercentOfHome < largeMinPercentOfHome
                || largeMaxPercentOfHome > 100 || homeBias < 0 || homeBias > 1) {
            throw new IllegalArgumentException("inconsistent player profile: " + this);
        }
    }

    /** A player who never starts anything. */
    public static PlayerProfile idle() {
        return new PlayerProfile(0, 1, Ram.parse("1.6"), Ram.parse("1.6"), 1, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, Ram.ofGb(4), Duration.ofSeconds(10), 0, 1, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }
}

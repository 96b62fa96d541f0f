package bitalloc.adapters.sim.scenario;

/**
 * Which servers exist and which are ours.
 *
 * @param homeRamGb home's RAM (a power of 2 in the game)
 * @param homeCores home's CPU cores (1..8)
 * @param purchasedServers number of purchased servers {@code pserv-0..}, 0..25
 * @param purchasedMinRamGb smallest purchased-server RAM; each server draws a power of 2 in [min, max]
 * @param purchasedMaxRamGb largest purchased-server RAM
 * @param rootedServers how many network servers are rooted: the ones with the lowest required hacking level
 * @param hacknetServers number of hacknet servers {@code hacknet-server-0..}
 * @param hacknetRamGb RAM of each hacknet server
 * @param hacknetCores cores of each hacknet server
 */
public record NetworkProfile(long homeRamGb, int homeCores, int purchasedServers, long purchasedMinRamGb,
                             long purchasedMaxRamGb, int rootedServers, int hacknetServers, long hacknetRamGb,
                             int hacknetCores) {
    public NetworkProfile {
        requirePowerOfTwo("homeRamGb", homeRamGb);
        if (purchasedServers > 0) {
            requirePowerOfTwo("purchasedMinRamGb", purchasedMinRamGb);
            requirePowerOfTwo("purchasedMaxRamGb", purchasedMaxRamGb);
            if (purchasedMinRamGb > purchasedMaxRamGb) {
                throw new IllegalArgumentException("purchasedMinRamGb > purchasedMaxRamGb");
            }
        }
        if (hacknetServers > 0) {
            requirePowerOfTwo("hacknetRamGb", hacknetRamGb);
        }
        if (homeCores < 1 || purchasedServers < 0 || rootedServers < 0 || hacknetServers < 0) {
            throw new IllegalArgumentException("counts must not be negative and home needs a core");
        }
    }

    private static void requirePowerOfTwo(String field, long gb) {
        if (gb <= 0 || Long.bitCount(gb) != 1) {
            throw new IllegalArgumentException(field + " must be a power of 2 GB: " + gb);
        }
    }
}

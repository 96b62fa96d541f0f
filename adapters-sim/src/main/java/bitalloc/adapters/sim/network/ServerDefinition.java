package bitalloc.adapters.sim.network;

import io.vavr.collection.List;

/**
 * One non-home server as the game defines it, before a world build draws its values.
 *
 * @param networkLayer hop depth from home; 0 for servers that start unlinked (darkweb, w0r1d_d43m0n)
 * @param hackDifficulty the defined security value (0 means "use the default 1")
 * @param startingMoney starting money; max money is 25 times the drawn value
 * @param ramOptionsGb possible RAM sizes in GB, one picked uniformly; empty for servers with no RAM
 */
public record ServerDefinition(String hostname, int networkLayer, int portsRequired, IntRange requiredLevel,
                               IntRange hackDifficulty, IntRange startingMoney, IntRange growth,
                               List<Long> ramOptionsGb, IntRange cores, boolean hackable) {

    public boolean linked() {
        return networkLayer > 0;
    }
}

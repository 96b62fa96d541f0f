package bitalloc.domain.selection;

import bitalloc.domain.ram.Ram;

/** Per-thread RAM of the helper scripts a task spawns. */
public record HelperRam(Ram hack, Ram grow, Ram weaken) {

    /** The game's costs of minimal hack (1.70 GB) and grow/weaken (1.75 GB) workers. */
    public static final HelperRam DEFAULT = new HelperRam(Ram.parse("1.70"), Ram.parse("1.75"), Ram.parse("1.75"));

    public HelperRam {
        if (hack.isZero() || grow.isZero() || weaken.isZero()) {
            throw new IllegalArgumentException("helper scripts need some RAM");
        }
    }

    /**
     * The RAM of the costliest helper thread. Capacity is counted in threads of this size so that any mix of
     * helpers fits wherever the count says it does.
     */
    public Ram largest() {
        return hack.max(grow).max(weaken);
    }
}

package bitalloc.domain.host;

import bitalloc.domain.ram.Ram;

/**
 * How much of a host's RAM a set-aside rule keeps off-limits: at least {@code atLeast}, at least
 * {@code percent} of max RAM, never more than the host has.
 */
public record SetAside(Ram atLeast, int percent) {

    public static final SetAside NONE = new SetAside(Ram.ZERO, 0);
    public static final SetAside WHOLE_HOST = new SetAside(Ram.ZERO, 100);

    public SetAside {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in [0, 100]: " + percent);
        }
    }

    public static SetAside fixed(Ram ram) {
        return new SetAside(ram, 0);
    }

    public static SetAside percent(int percent) {
        return new SetAside(Ram.ZERO, percent);
    }

    public Ram of(Ram maxRam) {
        return atLeast.max(maxRam.percentCeil(percent)).min(maxRam);
    }
}

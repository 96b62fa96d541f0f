package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/**
 * The RAM a task needs: its own script on one host plus its helpers, which may spread over any hosts.
 */
public record RamFootprint(HostName scriptHost, Ram scriptRam, Ram helperRam) {

    public Ram total() {
        return scriptRam.plus(helperRam);
    }

    /**
     * The part not yet visible in the allocator's free-RAM picture, given the RAM of this task already
     * visible there. The task script starts before it asks for helpers, so visible RAM covers the script first.
     */
    public RamFootprint outstanding(Ram visible) {
        Ram visibleHelpers = visible.minusOrZero(scriptRam);
        return new RamFootprint(scriptHost, scriptRam.minusOrZero(visible), helperRam.minusOrZero(visibleHelpers));
    }
}

package bitalloc.adapters.sim.script;

import bitalloc.domain.ram.Ram;

/** Why bitalloc refused an allocation, as a script sees it (the wiring maps the domain's refusals here). */
public record AllocationRefusal(Reason reason, Ram available) {

    public enum Reason {
        NOTHING_FREE,
        NOT_ENOUGH_FREE,
        CHUNK_LARGER_THAN_ANY_HOST,
        UNAVAILABLE
    }
}

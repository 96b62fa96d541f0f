package bitalloc.adapters.sim.check;

import io.vavr.control.Option;

/**
 * A property that must hold after every event of a run. Returns the violation, described, or none. The lead's
 * wiring adds its own (ledger equals the sum of live grants, one task per target, no lost target).
 */
@FunctionalInterface
public interface InvariantCheck {
    Option<String> violation();
}

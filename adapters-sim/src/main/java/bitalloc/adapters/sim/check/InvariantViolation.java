package bitalloc.adapters.sim.check;

/** An invariant failed: a bug in bitalloc or in the simulator. Carries what is needed to replay it. */
public final class InvariantViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvariantViolation(String scenario, long seed, long atMillis, long event, String what) {
        super("invariant broken in scenario " + scenario + " seed " + seed + " at " + atMillis + " ms (event "
                + event + "): " + what);
    }
}

package bitalloc.adapters.sim.kernel;

import bitalloc.application.port.out.Clock;
import java.time.Instant;

/** Virtual time in whole milliseconds since the run's start; only the event loop moves it forward. */
public final class VirtualClock implements Clock {

    private final Instant start;
    private long nowMillis;

    public VirtualClock(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusMillis(nowMillis);
    }

    public Instant start() {
        return start;
    }

    public long millis() {
        return nowMillis;
    }

    public Instant at(long millis) {
        return start.plusMillis(millis);
    }

    void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalStateException("virtual time cannot run backwards: " + millis + " < " + nowMillis);
        }
        nowMillis = millis;
    }
}

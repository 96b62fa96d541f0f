package bitalloc.application;

import bitalloc.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** Virtual time that moves only when a test says so. */
final class ManualClock implements Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration step) {
        now = now.plus(step);
    }
}

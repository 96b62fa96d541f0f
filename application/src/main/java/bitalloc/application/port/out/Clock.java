package bitalloc.application.port.out;

import java.time.Instant;

/** The only source of "now": real time when live, virtual time in the simulator and in tests. */
@FunctionalInterface
public interface Clock {
    Instant now();
}

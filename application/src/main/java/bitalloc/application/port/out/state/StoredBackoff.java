package bitalloc.application.port.out.state;

import java.time.Duration;
import java.time.Instant;

/** The selector's global launch back-off (T5): no new launch before {@code nextLaunchAt}. */
public record StoredBackoff(int consecutiveFailures, Duration delay, Instant nextLaunchAt) {
}

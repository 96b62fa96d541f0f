package bitalloc.domain.scan;

import bitalloc.domain.allocation.Allocation;
import java.time.Instant;

/** An allocation released by the scan because none of its processes was seen since {@code lastAliveAt}. */
public record ExpiredAllocation(Allocation allocation, Instant lastAliveAt) {
}

package bitalloc.application.port.out.state;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.process.GameSession;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A live allocation with its grants and claims. {@code processesGoneSince} is when the scan last saw the
 * allocation without any live process (A6 leak detection), empty while processes run.
 */
public record StoredAllocation(AllocationId id, GameSession session, String requester, String script,
                               Set<RequestFlag> flags, Instant grantedAt, List<ChunkGrant> grants,
                               List<StoredClaim> claims, Option<Instant> processesGoneSince) {

    /** The request flags of A2, kept so a grown allocation follows the same placement preferences. */
    public enum RequestFlag {
        CONTIGUOUS,
        CORE_DEPENDENT,
        SHRINKABLE,
        LONG_RUNNING
    }
}

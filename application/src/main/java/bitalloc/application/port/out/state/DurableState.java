package bitalloc.application.port.out.state;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Comparator;

/**
 * Everything bitalloc keeps across restarts, as loaded for recovery (T8). {@link #of} puts every list (grants
 * and claims included) in key order, so two stores holding the same state load equal values whatever their
 * database's collation.
 */
public record DurableState(List<StoredHost> hosts, List<StoredRegistration> registrations,
                           List<StoredAllocation> allocations, List<StoredTask> tasks,
                           List<StoredPendingLaunch> pendingLaunches, Option<StoredBackoff> backoff) {

    public static final DurableState EMPTY =
            new DurableState(List.empty(), List.empty(), List.empty(), List.empty(), List.empty(), Option.none());

    private static final Comparator<StoredRegistration> REGISTRATION_KEY =
            Comparator.comparing(StoredRegistration::session).thenComparing(StoredRegistration::pid);
    private static final Comparator<ChunkGrant> GRANT_KEY =
            Comparator.comparing(ChunkGrant::host).thenComparing(ChunkGrant::chunkSize);
    private static final Comparator<StoredClaim> CLAIM_KEY = Comparator.comparing(StoredClaim::session)
            .thenComparing(StoredClaim::pid).thenComparing(StoredClaim::host).thenComparing(StoredClaim::chunkSize);

    public static DurableState of(Iterable<StoredHost> hosts, Iterable<StoredRegistration> registrations,
                                  Iterable<StoredAllocation> allocations, Iterable<StoredTask> tasks,
                                  Iterable<StoredPendingLaunch> pendingLaunches, Option<StoredBackoff> backoff) {
        return new DurableState(
                List.ofAll(hosts).sortBy(StoredHost::host),
                List.ofAll(registrations).sorted(REGISTRATION_KEY),
                List.ofAll(allocations).map(DurableState::withSortedParts).sortBy(a -> a.id().toString()),
                List.ofAll(tasks).sortBy(StoredTask::target),
                List.ofAll(pendingLaunches).sortBy(StoredPendingLaunch::target),
                backoff);
    }

    private static StoredAllocation withSortedParts(StoredAllocation a) {
        return new StoredAllocation(a.id(), a.session(), a.requester(), a.script(), a.flags(), a.grantedAt(),
                a.grants().sorted(GRANT_KEY), a.claims().sorted(CLAIM_KEY), a.processesGoneSince());
    }
}

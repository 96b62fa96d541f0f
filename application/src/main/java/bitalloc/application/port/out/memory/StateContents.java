package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.function.UnaryOperator;

/**
 * The durable state as one immutable value, with the {@link bitalloc.application.port.out.state.StateStore}
 * operations as functions to the next value: a unit of work is undone by keeping the value it started from, and
 * two values can be compared key by key. {@code claimOwners} indexes the allocations holding each process's claims,
 * so a claim removed by process does not look through every allocation.
 */
record StateContents(Map<HostName, StoredHost> hosts,
                     Map<Tuple2<GameSession, Pid>, StoredRegistration> registrations,
                     Map<AllocationId, StoredAllocation> allocations,
                     Map<Tuple2<GameSession, Pid>, Set<AllocationId>> claimOwners,
                     Map<HostName, StoredTask> tasks, Map<HostName, StoredPendingLaunch> pendingLaunches,
                     Option<StoredBackoff> backoff) {

    static final StateContents EMPTY = new StateContents(HashMap.empty(), HashMap.empty(), HashMap.empty(),
            HashMap.empty(), HashMap.empty(), HashMap.empty(), Option.none());

    static StateContents of(DurableState state) {
        StateContents contents = new StateContents(
                HashMap.ofEntries(state.hosts().map(h -> Tuple.of(h.host(), h))),
                HashMap.ofEntries(state.registrations().map(r -> Tuple.of(Tuple.of(r.session(), r.pid()), r))),
                HashMap.empty(), HashMap.empty(),
                HashMap.ofEntries(state.tasks().map(t -> Tuple.of(t.target(), t))),
                HashMap.ofEntries(state.pendingLaunches().map(p -> Tuple.of(p.target(), p))),
                state.backoff());
        return state.allocations().foldLeft(contents, StateContents::withAllocation);
    }

    DurableState load() {
        return DurableState.of(hosts.values(), registrations.values(), allocations.values(), tasks.values(),
                pendingLaunches.values(), backoff);
    }

    static Tuple2<GameSession, Pid> process(GameSession session, Pid pid) {
        return Tuple.of(session, pid);
    }

    StateContents withHost(StoredHost host) {
        return withHosts(hosts.put(host.host(), host));
    }

    StateContents withoutHost(HostName host) {
        return withHosts(hosts.remove(host));
    }

    StateContents withRegistration(StoredRegistration registration) {
        return withRegistrations(registrations.put(process(registration.session(), registration.pid()), registration));
    }

    StateContents withoutRegistration(GameSession session, Pid pid) {
        return withRegistrations(registrations.remove(process(session, pid)));
    }

    StateContents withTask(StoredTask task) {
        return withTasks(tasks.put(task.target(), task));
    }

    StateContents withoutTask(HostName target) {
        return withTasks(tasks.remove(target));
    }

    StateContents withPendingLaunch(StoredPendingLaunch launch) {
        return withPendingLaunches(pendingLaunches.put(launch.target(), launch));
    }

    StateContents withoutPendingLaunch(HostName target) {
        return withPendingLaunches(pendingLaunches.remove(target));
    }

    StateContents withBackoff(Option<StoredBackoff> changed) {
        return new StateContents(hosts, registrations, allocations, claimOwners, tasks, pendingLaunches, changed);
    }

    /** The allocation saved whole, replacing any of the same id. */
    StateContents withAllocation(StoredAllocation allocation) {
        StateContents without = withoutAllocation(allocation.id());
        Map<Tuple2<GameSession, Pid>, Set<AllocationId>> owners = without.claimOwners;
        for (StoredClaim claim : allocation.claims()) {
            owners = owned(owners, process(claim.session(), claim.pid()), allocation.id());
        }
        return new StateContents(hosts, registrations, without.allocations.put(allocation.id(), allocation), owners,
                tasks, pendingLaunches, backoff);
    }

    StateContents withoutAllocation(AllocationId id) {
        Option<StoredAllocation> saved = allocations.get(id);
        if (saved.isEmpty()) {
            return this;
        }
        Map<Tuple2<GameSession, Pid>, Set<AllocationId>> owners = claimOwners;
        for (StoredClaim claim : saved.get().claims()) {
            owners = disowned(owners, process(claim.session(), claim.pid()), id);
        }
        return new StateContents(hosts, registrations, allocations.remove(id), owners, tasks, pendingLaunches,
                backoff);
    }

    StateContents withGrant(AllocationId id, ChunkGrant grant) {
        return changingAllocation(id, saved -> withGrants(saved,
                saved.grants().filter(g -> !sameKey(g, grant.host(), grant.chunkSize())).append(grant)));
    }

    StateContents withoutGrant(AllocationId id, HostName host, Ram chunkSize) {
        if (!allocations.containsKey(id)) {
            return this;
        }
        return changingAllocation(id, saved -> withGrants(saved,
                saved.grants().filter(g -> !sameKey(g, host, chunkSize))));
    }

    StateContents withClaim(AllocationId id, StoredClaim claim) {
        Tuple2<GameSession, Pid> process = process(claim.session(), claim.pid());
        StateContents changed = changingAllocation(id, saved -> withClaims(saved,
                saved.claims().filter(c -> !isOf(c, process)).append(claim)));
        return changed.withClaimOwners(owned(changed.claimOwners, process, id));
    }

    /** Every claim of the process removed, in whichever allocations hold one. */
    StateContents withoutClaim(GameSession session, Pid pid) {
        Tuple2<GameSession, Pid> process = process(session, pid);
        StateContents changed = this;
        for (AllocationId owner : claimOwnersOf(session, pid)) {
            changed = changed.changingAllocation(owner,
                    saved -> withClaims(saved, saved.claims().filter(c -> !isOf(c, process))));
        }
        return changed.withClaimOwners(changed.claimOwners.remove(process));
    }

    Set<AllocationId> claimOwnersOf(GameSession session, Pid pid) {
        return claimOwners.get(process(session, pid)).getOrElse(HashSet.empty());
    }

    private StateContents withHosts(Map<HostName, StoredHost> changed) {
        return new StateContents(changed, registrations, allocations, claimOwners, tasks, pendingLaunches, backoff);
    }

    private StateContents withRegistrations(Map<Tuple2<GameSession, Pid>, StoredRegistration> changed) {
        return new StateContents(hosts, changed, allocations, claimOwners, tasks, pendingLaunches, backoff);
    }

    private StateContents withTasks(Map<HostName, StoredTask> changed) {
        return new StateContents(hosts, registrations, allocations, claimOwners, changed, pendingLaunches, backoff);
    }

    private StateContents withPendingLaunches(Map<HostName, StoredPendingLaunch> changed) {
        return new StateContents(hosts, registrations, allocations, claimOwners, tasks, changed, backoff);
    }

    private StateContents withClaimOwners(Map<Tuple2<GameSession, Pid>, Set<AllocationId>> changed) {
        return new StateContents(hosts, registrations, allocations, changed, tasks, pendingLaunches, backoff);
    }

    /** The saved allocation changed by {@code change}; the claim index is the caller's to keep. */
    private StateContents changingAllocation(AllocationId id, UnaryOperator<StoredAllocation> change) {
        StoredAllocation saved = allocations.get(id).getOrElseThrow(
                () -> new IllegalArgumentException("no allocation " + id + " is saved"));
        return new StateContents(hosts, registrations, allocations.put(id, change.apply(saved)), claimOwners, tasks,
                pendingLaunches, backoff);
    }

    private static Map<Tuple2<GameSession, Pid>, Set<AllocationId>> owned(
            Map<Tuple2<GameSession, Pid>, Set<AllocationId>> owners, Tuple2<GameSession, Pid> process,
            AllocationId id) {
        return owners.put(process, owners.get(process).getOrElse(HashSet.empty()).add(id));
    }

    private static Map<Tuple2<GameSession, Pid>, Set<AllocationId>> disowned(
            Map<Tuple2<GameSession, Pid>, Set<AllocationId>> owners, Tuple2<GameSession, Pid> process,
            AllocationId id) {
        Set<AllocationId> left = owners.get(process).getOrElse(HashSet.empty()).remove(id);
        return left.isEmpty() ? owners.remove(process) : owners.put(process, left);
    }

    private static boolean sameKey(ChunkGrant grant, HostName host, Ram chunkSize) {
        return grant.host().equals(host) && grant.chunkSize().equals(chunkSize);
    }

    private static boolean isOf(StoredClaim claim, Tuple2<GameSession, Pid> process) {
        return claim.session().equals(process._1) && claim.pid().equals(process._2);
    }

    private static StoredAllocation withGrants(StoredAllocation a, List<ChunkGrant> grants) {
        return new StoredAllocation(a.id(), a.session(), a.requester(), a.script(), a.flags(), a.grantedAt(), grants,
                a.claims(), a.processesGoneSince());
    }

    private static StoredAllocation withClaims(StoredAllocation a, List<StoredClaim> claims) {
        return new StoredAllocation(a.id(), a.session(), a.requester(), a.script(), a.flags(), a.grantedAt(),
                a.grants(), claims, a.processesGoneSince());
    }
}

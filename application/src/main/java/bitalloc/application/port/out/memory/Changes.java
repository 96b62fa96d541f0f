package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes to a store that holds {@code base} what it takes to hold {@code target} instead, for the keys that may
 * differ: one save or removal per changed host, task or registration, and per allocation the grants and claims that
 * changed (the whole allocation only when it is new, when its own fields changed, or when a claim must go from it
 * alone while another allocation keeps a claim of the same process). Removals are written before saves, so a claim
 * that moved from one allocation to another is removed from the first before it is saved in the second. Whole
 * allocations are removed, then saved, all in one call each: a commit can hold hundreds of them.
 */
final class Changes {

    private final StateContents base;
    private final StateContents target;
    private final StateStore store;
    private final java.util.List<AllocationId> removedAllocations = new ArrayList<>();
    private final java.util.List<StoredAllocation> savedAllocations = new ArrayList<>();
    private final java.util.List<Runnable> partSaves = new ArrayList<>();

    Changes(StateContents base, StateContents target, StateStore store) {
        this.base = base;
        this.target = target;
        this.store = store;
    }

    void write(GroupCommitStateStore.Dirty dirty) {
        dirty.hosts.forEach(host -> write(base.hosts().get(host), target.hosts().get(host), store::saveHost,
                () -> store.removeHost(host)));
        dirty.registrations.forEach(key -> write(base.registrations().get(key), target.registrations().get(key),
                store::saveRegistration, () -> store.removeRegistration(key._1, key._2)));
        dirty.tasks.forEach(host -> write(base.tasks().get(host), target.tasks().get(host), store::saveTask,
                () -> store.removeTask(host)));
        dirty.pendingLaunches.forEach(host -> write(base.pendingLaunches().get(host),
                target.pendingLaunches().get(host), store::savePendingLaunch, () -> store.removePendingLaunch(host)));
        if (dirty.backoff) {
            write(base.backoff(), target.backoff(), store::saveBackoff, store::clearBackoff);
        }
        dirty.allocations.forEach(this::allocation);
        if (!removedAllocations.isEmpty()) {
            store.removeAllocations(List.ofAll(removedAllocations));
        }
        if (!savedAllocations.isEmpty()) {
            store.saveAllocations(List.ofAll(savedAllocations));
        }
        partSaves.forEach(Runnable::run);
    }

    private static <T> void write(Option<T> before, Option<T> after, Consumer<T> save, Runnable remove) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (after.isDefined()) {
            save.accept(after.get());
        } else {
            remove.run();
        }
    }

    private void allocation(AllocationId id) {
        Option<StoredAllocation> before = base.allocations().get(id);
        Option<StoredAllocation> after = target.allocations().get(id);
        if (before.isEmpty() && after.isEmpty() || before.equals(after)) {
            return;
        }
        if (after.isEmpty()) {
            removedAllocations.add(id);
        } else if (before.isEmpty() || !sameFields(before.get(), after.get())) {
            savedAllocations.add(after.get());
        } else {
            parts(before.get(), after.get());
        }
    }

    /** Grants and claims of an allocation that is stored and stays. */
    private void parts(StoredAllocation before, StoredAllocation after) {
        AllocationId id = after.id();
        Map<Tuple2<HostName, Ram>, ChunkGrant> grantsBefore = before.grants().toMap(Changes::key, g -> g);
        Map<Tuple2<HostName, Ram>, ChunkGrant> grantsAfter = after.grants().toMap(Changes::key, g -> g);
        Map<Tuple2<GameSession, Pid>, StoredClaim> claimsBefore = before.claims().toMap(Changes::key, c -> c);
        Map<Tuple2<GameSession, Pid>, StoredClaim> claimsAfter = after.claims().toMap(Changes::key, c -> c);
        if (claimsBefore.size() != before.claims().size() || claimsAfter.size() != after.claims().size()) {
            // A process with claims on two hosts of one allocation: claims are not told apart by process alone.
            savedAllocations.add(after);
            return;
        }
        List<Tuple2<GameSession, Pid>> goneClaims = claimsBefore.keySet().filter(k -> !claimsAfter.containsKey(k))
                .toList();
        if (goneClaims.exists(process -> !base.claimOwnersOf(process._1, process._2).equals(HashSet.of(id)))) {
            // Removing the claim by process would take another allocation's claim of it too.
            savedAllocations.add(after);
            return;
        }
        goneClaims.forEach(process -> store.removeClaim(process._1, process._2));
        grantsBefore.keySet().filter(k -> !grantsAfter.containsKey(k))
                .forEach(k -> store.removeGrant(id, k._1, k._2));
        grantsAfter.values().filter(g -> !grantsBefore.get(key(g)).contains(g))
                .forEach(g -> partSaves.add(() -> store.saveGrant(id, g)));
        claimsAfter.values().filter(c -> !claimsBefore.get(key(c)).contains(c))
                .forEach(c -> partSaves.add(() -> store.saveClaim(id, c)));
    }

    private static boolean sameFields(StoredAllocation a, StoredAllocation b) {
        return a.session().equals(b.session()) && a.requester().equals(b.requester()) && a.script().equals(b.script())
                && a.flags().equals(b.flags()) && a.grantedAt().equals(b.grantedAt())
                && a.processesGoneSince().equals(b.processesGoneSince());
    }

    private static Tuple2<HostName, Ram> key(ChunkGrant grant) {
        return Tuple.of(grant.host(), grant.chunkSize());
    }

    private static Tuple2<GameSession, Pid> key(StoredClaim claim) {
        return Tuple.of(claim.session(), claim.pid());
    }
}

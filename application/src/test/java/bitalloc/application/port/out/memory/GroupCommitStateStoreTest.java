package bitalloc.application.port.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group commit over an in-memory durable store that records every call it gets. */
class GroupCommitStateStoreTest {

    private static final GameSession SESSION = new GameSession(3);
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final AllocationId ID = new AllocationId(new java.util.UUID(1, 1));

    private final RecordingStore durable = new RecordingStore();
    private final GroupCommitStateStore store = new GroupCommitStateStore(durable, durable.memory);

    GroupCommitStateStoreTest() {
        // A store over an empty durable store reads nothing it did not write itself.
        durable.calls.clear();
    }

    @Test
    void a_change_reaches_the_durable_store_only_when_a_commit_is_awaited() {
        store.saveHost(host("pserv-1"));
        assertEquals(DurableState.EMPTY, durable.memory.load());
        assertEquals(List.of(host("pserv-1")), store.load().hosts(), "the store itself sees its change at once");
        store.awaitCommitted();
        assertEquals(List.of(host("pserv-1")), durable.memory.load().hosts());
    }

    @Test
    void changes_that_cancel_out_between_two_commits_write_nothing() {
        store.saveAllocation(allocation());
        store.awaitCommitted();
        durable.calls.clear();
        StoredClaim claim = new StoredClaim(SESSION, Pid.of(9), HostName.of("home"), Ram.parse("1.7"), 2);
        store.saveClaim(ID, claim);
        store.removeClaim(SESSION, Pid.of(9));
        store.saveTask(task());
        store.removeTask(HostName.of("n00dles"));
        store.awaitCommitted();
        assertEquals(List.empty(), List.ofAll(durable.calls));
    }

    @Test
    void a_stored_allocation_that_changes_is_written_a_grant_and_a_claim_at_a_time() {
        store.saveAllocation(allocation());
        store.awaitCommitted();
        durable.calls.clear();
        ChunkGrant shrunk = new ChunkGrant(HostName.of("home"), Ram.parse("1.7"), 5);
        StoredClaim claim = new StoredClaim(SESSION, Pid.of(9), HostName.of("home"), Ram.parse("1.7"), 2);
        store.saveGrant(ID, shrunk);
        store.saveClaim(ID, claim);
        store.removeClaim(SESSION, Pid.of(4));
        store.awaitCommitted();
        assertEquals(HashSet.of("removeClaim", "saveGrant", "saveClaim"), HashSet.ofAll(durable.calls));
        assertEquals(store.load(), durable.memory.load());
    }

    @Test
    void whole_allocations_are_removed_then_saved_in_one_call_each_after_a_claim_moved_out_of_them() {
        List<StoredAllocation> committed = List.rangeClosed(1, 40).map(GroupCommitStateStoreTest::allocation);
        committed.forEach(store::saveAllocation);
        store.awaitCommitted();
        durable.calls.clear();
        committed.take(15).forEach(a -> store.removeAllocation(a.id()));
        StoredAllocation renewed = allocation(20);
        store.saveAllocation(new StoredAllocation(renewed.id(), SESSION, "home:6", renewed.script(), renewed.flags(),
                T0.plusSeconds(60), renewed.grants(), renewed.claims(), Option.none()));
        StoredClaim moving = allocation(30).claims().head();
        store.removeClaim(moving.session(), moving.pid());
        // Allocation 42 has its grant on the moving claim's host, like 30.
        StoredAllocation fresh = allocation(42);
        List.rangeClosed(41, 70).remove(42).map(GroupCommitStateStoreTest::allocation).forEach(store::saveAllocation);
        store.saveAllocation(new StoredAllocation(fresh.id(), SESSION, fresh.requester(), fresh.script(),
                fresh.flags(), fresh.grantedAt(), fresh.grants(), fresh.claims().append(moving), Option.none()));
        store.awaitCommitted();
        assertEquals(List.of("removeClaim", "removeAllocations", "saveAllocations"), List.ofAll(durable.calls));
        assertEquals(store.load(), durable.memory.load());
        assertEquals(store.load(), new GroupCommitStateStore(durable, durable.memory).load());
        assertEquals(List.of(fresh.id()), store.load().allocations().filter(a -> a.claims().contains(moving))
                .map(StoredAllocation::id), "the moved claim is in its new allocation only");
    }

    @Test
    void deferred_commits_all_happen_once_at_the_end_of_the_work() {
        store.deferringCommits(() -> {
            store.saveHost(host("pserv-1"));
            store.awaitCommitted();
            store.saveHost(host("pserv-2"));
            store.awaitCommitted();
            assertEquals(DurableState.EMPTY, durable.memory.load(), "nothing is committed inside the work");
            return null;
        });
        assertEquals(List.of(host("pserv-1"), host("pserv-2")), durable.memory.load().hosts());
    }

    @Test
    void a_failed_commit_leaves_its_changes_to_the_next_one() {
        store.saveHost(host("pserv-1"));
        durable.failNext = true;
        assertThrows(IllegalStateException.class, store::awaitCommitted);
        assertEquals(DurableState.EMPTY, durable.memory.load());
        store.awaitCommitted();
        assertEquals(List.of(host("pserv-1")), durable.memory.load().hosts());
    }

    @Test
    void a_failed_unit_of_work_leaves_nothing_to_commit() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.saveHost(host("pserv-1"));
            throw new IllegalStateException("the use case failed after saving");
        }));
        store.awaitCommitted();
        assertEquals(DurableState.EMPTY, store.load());
        assertEquals(DurableState.EMPTY, durable.memory.load());
    }

    @Test
    void whoever_returns_from_a_commit_finds_its_own_change_durable_while_other_threads_commit_too()
            throws Exception {
        int threads = 8;
        int savesEach = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        java.util.List<String> missing = Collections.synchronizedList(new ArrayList<>());
        try {
            java.util.List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < savesEach; i++) {
                        StoredHost saved = host("h-" + thread + "-" + i);
                        store.saveHost(saved);
                        store.awaitCommitted();
                        if (!durable.memory.load().hosts().contains(saved)) {
                            missing.add(saved.host().value());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.empty(), List.ofAll(missing), "hosts not yet committed when their commit returned");
        assertEquals(threads * savesEach, durable.memory.load().hosts().size());
    }

    @Test
    void a_new_store_over_the_same_durable_one_starts_from_what_was_committed() {
        store.saveAllocation(allocation());
        store.saveBackoff(new StoredBackoff(2, java.time.Duration.ofSeconds(1), T0));
        store.awaitCommitted();
        assertEquals(store.load(), new GroupCommitStateStore(durable, durable.memory).load());
    }

    private static StoredHost host(String name) {
        return new StoredHost(HostName.of(name), HostKind.PURCHASED, 1, Ram.ofGb(64), Ram.ZERO, Ram.ZERO, Ram.ZERO,
                Ram.ZERO, Ram.ZERO, Option.some(T0));
    }

    private static StoredTask task() {
        return new StoredTask(HostName.of("n00dles"), bitalloc.application.port.out.state.TaskLifecycle.TILL, SESSION,
                Pid.of(5), HostName.of("home"), "till.js", T0, T0);
    }

    private static StoredAllocation allocation() {
        return new StoredAllocation(ID, SESSION, "home:5", "hack.js", HashSet.empty(), T0,
                List.of(new ChunkGrant(HostName.of("home"), Ram.parse("1.7"), 8)),
                List.of(new StoredClaim(SESSION, Pid.of(4), HostName.of("home"), Ram.parse("1.7"), 1)),
                Option.none());
    }

    private static StoredAllocation allocation(int n) {
        return new StoredAllocation(new AllocationId(new java.util.UUID(2, n)), SESSION, "home:" + n, "grow.js",
                HashSet.empty(), T0.plusSeconds(n), List.of(new ChunkGrant(HostName.of("pserv-" + n % 3),
                        Ram.parse("1.75"), 4)),
                List.of(new StoredClaim(SESSION, Pid.of(100 + n), HostName.of("pserv-" + n % 3), Ram.parse("1.75"),
                        2)),
                Option.none());
    }

    /** An in-memory store that records the name of every write and can fail the next commit. */
    private static final class RecordingStore implements StateStore {
        final InMemoryStateStore memory = new InMemoryStateStore();
        final java.util.List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failNext;

        private void record(String call) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("the database is gone");
            }
            calls.add(call);
        }

        @Override
        public void saveHost(StoredHost host) {
            record("saveHost");
            memory.saveHost(host);
        }

        @Override
        public void removeHost(HostName host) {
            record("removeHost");
            memory.removeHost(host);
        }

        @Override
        public void saveRegistration(StoredRegistration registration) {
            record("saveRegistration");
            memory.saveRegistration(registration);
        }

        @Override
        public void removeRegistration(GameSession session, Pid pid) {
            record("removeRegistration");
            memory.removeRegistration(session, pid);
        }

        @Override
        public void saveAllocation(StoredAllocation allocation) {
            record("saveAllocation");
            memory.saveAllocation(allocation);
        }

        @Override
        public void removeAllocation(AllocationId id) {
            record("removeAllocation");
            memory.removeAllocation(id);
        }

        @Override
        public void saveAllocations(io.vavr.collection.Seq<StoredAllocation> allocations) {
            record("saveAllocations");
            memory.saveAllocations(allocations);
        }

        @Override
        public void removeAllocations(io.vavr.collection.Seq<AllocationId> ids) {
            record("removeAllocations");
            memory.removeAllocations(ids);
        }

        @Override
        public void saveGrant(AllocationId allocation, ChunkGrant grant) {
            record("saveGrant");
            memory.saveGrant(allocation, grant);
        }

        @Override
        public void removeGrant(AllocationId allocation, HostName host, Ram chunkSize) {
            record("removeGrant");
            memory.removeGrant(allocation, host, chunkSize);
        }

        @Override
        public void saveClaim(AllocationId allocation, StoredClaim claim) {
            record("saveClaim");
            memory.saveClaim(allocation, claim);
        }

        @Override
        public void removeClaim(GameSession session, Pid pid) {
            record("removeClaim");
            memory.removeClaim(session, pid);
        }

        @Override
        public void saveTask(StoredTask task) {
            record("saveTask");
            memory.saveTask(task);
        }

        @Override
        public void removeTask(HostName target) {
            record("removeTask");
            memory.removeTask(target);
        }

        @Override
        public void savePendingLaunch(StoredPendingLaunch launch) {
            record("savePendingLaunch");
            memory.savePendingLaunch(launch);
        }

        @Override
        public void removePendingLaunch(HostName target) {
            record("removePendingLaunch");
            memory.removePendingLaunch(target);
        }

        @Override
        public void saveBackoff(StoredBackoff backoff) {
            record("saveBackoff");
            memory.saveBackoff(backoff);
        }

        @Override
        public void clearBackoff() {
            record("clearBackoff");
            memory.clearBackoff();
        }

        @Override
        public DurableState load() {
            return memory.load();
        }
    }
}

package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.Samples.SESSION;
import static bitalloc.adapters.persistence.Samples.T0;
import static bitalloc.adapters.persistence.Samples.allocation;
import static bitalloc.adapters.persistence.Samples.allocationId;
import static bitalloc.adapters.persistence.Samples.backoff;
import static bitalloc.adapters.persistence.Samples.host;
import static bitalloc.adapters.persistence.Samples.pendingLaunch;
import static bitalloc.adapters.persistence.Samples.registration;
import static bitalloc.adapters.persistence.Samples.storedHost;
import static bitalloc.adapters.persistence.Samples.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} and {@link Transactions} pair must do; run on memory, H2 and PostgreSQL. */
abstract class StateStoreContract {

    private static final Comparator<ChunkGrant> GRANT_KEY =
            Comparator.comparing(ChunkGrant::host).thenComparing(ChunkGrant::chunkSize);
    private static final Comparator<StoredClaim> CLAIM_KEY = Comparator.comparing(StoredClaim::session)
            .thenComparing(StoredClaim::pid).thenComparing(StoredClaim::host).thenComparing(StoredClaim::chunkSize);

    StateStore store;
    Transactions transactions;

    /** An empty store and the transactions that go with it. */
    abstract StateStore emptyStore();

    abstract Transactions transactionsOf(StateStore store);

    @BeforeEach
    void startEmpty() {
        store = emptyStore();
        transactions = transactionsOf(store);
    }

    @Test
    void an_empty_store_loads_nothing() {
        assertEquals(DurableState.EMPTY, store.load());
    }

    @Test
    void a_saved_host_loads_back_unchanged() {
        StoredHost scanned = storedHost("pserv-1", 64);
        StoredHost neverScanned = new StoredHost(host("n00dles"), HostKind.NETWORK, 1, Ram.ofGb(4), Ram.ZERO,
                Ram.ZERO, Ram.ZERO, Ram.ZERO, Ram.ZERO, Option.none());
        store.saveHost(scanned);
        store.saveHost(neverScanned);
        assertEquals(List.of(neverScanned, scanned), store.load().hosts());
    }

    @Test
    void saving_a_host_again_replaces_it_and_removing_it_forgets_it() {
        store.saveHost(storedHost("pserv-1", 64));
        store.saveHost(storedHost("pserv-1", 128));
        assertEquals(List.of(storedHost("pserv-1", 128)), store.load().hosts());
        store.removeHost(host("pserv-1"));
        store.removeHost(host("pserv-1"));
        assertEquals(List.empty(), store.load().hosts());
    }

    @Test
    void registrations_are_kept_apart_by_game_session_even_with_the_same_pid() {
        StoredRegistration before = registration(3);
        StoredRegistration afterReload = new StoredRegistration(new GameSession(8), Pid.of(3), host("home"),
                "discovery.js", Ram.parse("1.6"), T0.plusSeconds(60), Option.some(T0.plusSeconds(62)));
        store.saveRegistration(afterReload);
        store.saveRegistration(before);
        assertEquals(List.of(before, afterReload), store.load().registrations());
        store.removeRegistration(SESSION, Pid.of(3));
        assertEquals(List.of(afterReload), store.load().registrations());
    }

    @Test
    void an_allocation_loads_back_with_its_grants_and_claims() {
        store.saveAllocation(allocation(1));
        store.saveAllocation(allocation(2));
        DurableState loaded = store.load();
        assertEquals(DurableState.of(List.empty(), List.empty(), List.of(allocation(2), allocation(1)),
                List.empty(), List.empty(), Option.none()), loaded);
        assertEquals(3, loaded.allocations().head().grants().size());
    }

    @Test
    void saving_an_allocation_again_replaces_its_grants_and_claims() {
        StoredAllocation original = allocation(1);
        store.saveAllocation(original);
        StoredAllocation claimReleased = new StoredAllocation(original.id(), original.session(),
                original.requester(), original.script(), HashSet.empty(), original.grantedAt(),
                original.grants().take(1), original.claims().take(1), Option.some(T0.plusSeconds(30)));
        store.saveAllocation(claimReleased);
        assertEquals(DurableState.of(List.empty(), List.empty(), List.of(claimReleased), List.empty(),
                List.empty(), Option.none()), store.load());
    }

    @Test
    void a_removed_allocation_takes_its_grants_and_claims_with_it() {
        store.saveAllocation(allocation(1));
        store.removeAllocation(allocation(1).id());
        store.removeAllocation(allocation(1).id());
        assertEquals(DurableState.EMPTY, store.load());
        store.saveAllocation(allocation(1));
        assertEquals(DurableState.of(List.empty(), List.empty(), List.of(allocation(1)), List.empty(), List.empty(),
                Option.none()), store.load());
    }

    @Test
    void allocations_saved_together_replace_each_one_whole() {
        store.saveAllocation(allocation(1));
        store.saveAllocation(allocation(2));
        StoredAllocation shrunk = shrunk(allocation(1));
        store.saveAllocations(List.of(shrunk, allocation(3)));
        assertEquals(allocationsOnly(List.of(shrunk, allocation(2), allocation(3))), store.load());
    }

    @Test
    void of_two_allocations_saved_together_with_one_id_the_later_stays() {
        store.saveAllocations(List.of(allocation(1), shrunk(allocation(1))));
        assertEquals(allocationsOnly(List.of(shrunk(allocation(1)))), store.load());
    }

    @Test
    void allocations_removed_together_take_their_grants_and_claims_and_absent_ones_change_nothing() {
        store.saveAllocations(List.of(allocation(1), allocation(2), allocation(3)));
        store.removeAllocations(List.of(allocationId(1), allocationId(9), allocationId(3), allocationId(1)));
        assertEquals(allocationsOnly(List.of(allocation(2))), store.load());
    }

    @Test
    void empty_batches_of_allocations_change_nothing() {
        store.saveAllocation(allocation(1));
        store.saveAllocations(List.empty());
        store.removeAllocations(List.empty());
        assertEquals(allocationsOnly(List.of(allocation(1))), store.load());
    }

    @Test
    void batches_of_allocations_larger_than_one_statement_land_whole() {
        int count = 2 * MultiRowInsert.ROWS_PER_STATEMENT + 50;
        List<StoredAllocation> all = List.rangeClosed(1, count).map(Samples::allocation);
        store.saveAllocations(all);
        assertEquals(allocationsOnly(all), store.load());
        List<StoredAllocation> replaced = all.drop(100).map(StateStoreContract::shrunk);
        transactions.inTransaction(() -> {
            store.removeAllocations(all.take(150).map(StoredAllocation::id));
            store.saveAllocations(replaced);
            return null;
        });
        assertEquals(allocationsOnly(replaced), store.load(), "the first 100 removed, the rest replaced");
    }

    @Test
    void a_grant_saved_on_its_own_changes_only_that_grant_of_its_allocation() {
        StoredAllocation original = allocation(1);
        store.saveAllocation(original);
        store.saveAllocation(allocation(2));
        ChunkGrant shrunk = new ChunkGrant(host("pserv-1"), Ram.parse("1.7"), 9);
        ChunkGrant added = new ChunkGrant(host("pserv-2"), Ram.parse("1.7"), 4);
        store.saveGrant(original.id(), shrunk);
        store.saveGrant(original.id(), added);
        assertEquals(List.of(shrunk, original.grants().get(1), original.grants().get(2), added)
                        .sorted(GRANT_KEY),
                allocationLoaded(original.id()).grants());
        assertEquals(allocation(2).grants().sorted(GRANT_KEY), allocationLoaded(allocation(2).id()).grants());
    }

    @Test
    void a_removed_grant_is_gone_and_removing_it_again_changes_nothing() {
        StoredAllocation original = allocation(1);
        store.saveAllocation(original);
        store.removeGrant(original.id(), host("pserv-1"), Ram.parse("1.75"));
        store.removeGrant(original.id(), host("pserv-1"), Ram.parse("1.75"));
        store.removeGrant(allocationId(9), host("pserv-1"), Ram.parse("1.7"));
        assertEquals(original.grants().take(2).sorted(GRANT_KEY), allocationLoaded(original.id()).grants());
    }

    @Test
    void a_claim_saved_again_by_its_process_replaces_the_one_before_in_that_allocation() {
        StoredAllocation original = allocation(1);
        store.saveAllocation(original);
        StoredClaim moved = new StoredClaim(SESSION, Pid.of(41), host("home"), Ram.parse("1.7"), 2);
        StoredClaim fresh = new StoredClaim(SESSION, Pid.of(77), host("pserv-1"), Ram.parse("1.7"), 1);
        store.saveClaim(original.id(), moved);
        store.saveClaim(original.id(), fresh);
        assertEquals(List.of(moved, original.claims().get(1), fresh).sorted(CLAIM_KEY),
                allocationLoaded(original.id()).claims());
    }

    @Test
    void a_claim_is_removed_by_its_process_from_whichever_allocation_holds_it() {
        store.saveAllocation(allocation(1));
        store.saveAllocation(allocation(2));
        StoredClaim ofAnOldSession = new StoredClaim(new GameSession(6), Pid.of(42), host("home"), Ram.parse("1.7"),
                1);
        store.saveClaim(allocation(1).id(), ofAnOldSession);
        store.removeClaim(SESSION, Pid.of(42));
        store.removeClaim(SESSION, Pid.of(42));
        assertEquals(List.of(allocation(1).claims().get(0), ofAnOldSession).sorted(CLAIM_KEY),
                allocationLoaded(allocation(1).id()).claims(), "pid 42 of session 7 was pid 1's second claim");
        assertEquals(allocation(2).claims().drop(1), allocationLoaded(allocation(2).id()).claims(),
                "and allocation 2's first");
    }

    @Test
    void a_grant_or_claim_of_an_allocation_never_saved_is_a_programming_error() {
        assertThrows(RuntimeException.class, () -> transactions.inTransaction(() -> store.saveGrant(
                allocationId(1), new ChunkGrant(host("home"), Ram.parse("1.7"), 1))));
        assertThrows(RuntimeException.class, () -> transactions.inTransaction(() -> store.saveClaim(
                allocationId(1), new StoredClaim(SESSION, Pid.of(3), host("home"), Ram.parse("1.7"), 1))));
        assertEquals(DurableState.EMPTY, store.load());
    }

    @Test
    void tasks_and_pending_launches_are_kept_one_per_target() {
        store.saveTask(task("n00dles"));
        store.saveTask(task("joesguns"));
        store.savePendingLaunch(pendingLaunch("foodnstuff"));
        store.savePendingLaunch(pendingLaunch("foodnstuff"));
        DurableState loaded = store.load();
        assertEquals(List.of(task("joesguns"), task("n00dles")), loaded.tasks());
        assertEquals(List.of(pendingLaunch("foodnstuff")), loaded.pendingLaunches());
        store.removeTask(host("n00dles"));
        store.removePendingLaunch(host("foodnstuff"));
        assertEquals(List.of(task("joesguns")), store.load().tasks());
        assertEquals(List.empty(), store.load().pendingLaunches());
    }

    @Test
    void the_backoff_is_one_value_that_can_be_replaced_and_cleared() {
        store.saveBackoff(backoff(1));
        store.saveBackoff(backoff(3));
        assertEquals(Option.some(backoff(3)), store.load().backoff());
        store.clearBackoff();
        assertEquals(Option.none(), store.load().backoff());
    }

    /** The allocation with one grant and one claim fewer, other flags, and its processes gone. */
    static StoredAllocation shrunk(StoredAllocation original) {
        return new StoredAllocation(original.id(), original.session(), original.requester(), original.script(),
                HashSet.empty(), original.grantedAt(), original.grants().take(2), original.claims().take(1),
                Option.some(original.grantedAt().plusSeconds(30)));
    }

    static DurableState allocationsOnly(List<StoredAllocation> allocations) {
        return DurableState.of(List.empty(), List.empty(), allocations, List.empty(), List.empty(), Option.none());
    }

    StoredAllocation allocationLoaded(AllocationId id) {
        return store.load().allocations().find(a -> a.id().equals(id)).get();
    }

    @Test
    void a_unit_of_work_commits_all_its_changes_together() {
        int answer = transactions.inTransaction(() -> {
            store.saveAllocation(allocation(1));
            store.saveRegistration(registration(5));
            transactions.inTransaction(() -> store.saveTask(task("n00dles")));
            return 42;
        });
        assertEquals(42, answer);
        DurableState loaded = store.load();
        assertEquals(List.of(1, 1, 1), List.of(loaded.allocations().size(), loaded.registrations().size(),
                loaded.tasks().size()));
    }

    @Test
    void a_unit_of_work_that_fails_leaves_no_trace() {
        store.saveHost(storedHost("pserv-1", 64));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            store.saveAllocation(allocation(1));
            store.removeHost(host("pserv-1"));
            transactions.inTransaction(() -> store.saveBackoff(backoff(2)));
            throw new IllegalStateException("the use case failed after saving");
        }));
        assertEquals(DurableState.of(List.of(storedHost("pserv-1", 64)), List.empty(), List.empty(), List.empty(),
                List.empty(), Option.none()), store.load());
    }
}

package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.Samples.SESSION;
import static bitalloc.adapters.persistence.Samples.T0;
import static bitalloc.adapters.persistence.Samples.allocation;
import static bitalloc.adapters.persistence.Samples.backoff;
import static bitalloc.adapters.persistence.Samples.host;
import static bitalloc.adapters.persistence.Samples.pendingLaunch;
import static bitalloc.adapters.persistence.Samples.registration;
import static bitalloc.adapters.persistence.Samples.storedHost;
import static bitalloc.adapters.persistence.Samples.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} and {@link Transactions} pair must do; run on memory, H2 and PostgreSQL. */
abstract class StateStoreContract {

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

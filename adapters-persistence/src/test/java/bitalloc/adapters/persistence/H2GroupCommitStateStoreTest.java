package bitalloc.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.application.port.out.memory.GroupCommitStateStore;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.Transactions;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The group commit over SQL on a fresh H2 file: the contract as the application sees it, and after every commit the
 * database, read on its own, holds exactly the state in memory, whatever changes came between two commits.
 */
class H2GroupCommitStateStoreTest extends StateStoreContract {

    @TempDir
    static Path directory;
    static Database database;

    private JooqTransactions sqlTransactions;

    @BeforeAll
    static void open() {
        database = TestDatabases.freshH2(directory);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    StateStore emptyStore() {
        SqlStateStoreContract.emptyStateTables(database);
        sqlTransactions = new JooqTransactions(database.dsl());
        return new GroupCommitStateStore(new JooqStateStore(sqlTransactions), sqlTransactions);
    }

    @Override
    Transactions transactionsOf(StateStore store) {
        return (GroupCommitStateStore) store;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 20261122})
    void after_each_commit_the_database_holds_what_the_in_memory_store_holds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InMemoryStateStore model = new InMemoryStateStore();
        JooqStateStore databaseAlone = new JooqStateStore(new JooqTransactions(database.dsl()));
        for (int step = 0; step < 4 * SqlStateStoreContract.OPERATIONS; step++) {
            Consumer<StateStore> change = SqlStateStoreContract.randomChange(random,
                    SqlStateStoreContract.savedAllocations(model));
            change.accept(model);
            change.accept(store);
            if (random.nextInt(6) == 0) {
                transactions.awaitCommitted();
                assertEquals(model.load(), databaseAlone.load(), "seed " + seed + ", step " + step);
            }
        }
        transactions.awaitCommitted();
        assertEquals(model.load(), databaseAlone.load(), "seed " + seed + " at the end");
        assertEquals(model.load(), new GroupCommitStateStore(databaseAlone, sqlTransactions).load(),
                "seed " + seed + ": a restarted store starts from the same state");
    }

    @Test
    void a_commit_of_hundreds_of_whole_allocations_lands_exactly() {
        List<StoredAllocation> committed = List.rangeClosed(1, 300).map(Samples::allocation);
        committed.forEach(store::saveAllocation);
        transactions.awaitCommitted();
        committed.take(120).forEach(a -> store.removeAllocation(a.id()));
        committed.drop(200).map(StateStoreContract::shrunk).forEach(store::saveAllocation);
        List.rangeClosed(301, 450).map(Samples::allocation).forEach(store::saveAllocation);
        // The process of allocation 150's first claim (it claims in 149 too) moves to 451, which is saved whole.
        StoredClaim moving = committed.get(149).claims().head();
        store.removeClaim(moving.session(), moving.pid());
        StoredAllocation fresh = Samples.allocation(451);
        store.saveAllocation(new StoredAllocation(fresh.id(), fresh.session(), fresh.requester(), fresh.script(),
                fresh.flags(), fresh.grantedAt(), fresh.grants(), fresh.claims().append(moving), Option.none()));
        transactions.awaitCommitted();
        JooqStateStore databaseAlone = new JooqStateStore(new JooqTransactions(database.dsl()));
        assertEquals(store.load(), databaseAlone.load());
        assertEquals(300 - 120 + 150 + 1, databaseAlone.load().allocations().size());
        assertEquals(List.of(fresh.id()), databaseAlone.load().allocations().filter(a -> a.claims().contains(moving))
                .map(StoredAllocation::id), "the moved claim is in its new allocation only");
    }
}

package bitalloc.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.application.port.out.memory.GroupCommitStateStore;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}

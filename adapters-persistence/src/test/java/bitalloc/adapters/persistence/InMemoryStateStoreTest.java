package bitalloc.adapters.persistence;

import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;

/** The in-memory store (application module) keeps the same contract as the SQL ones. */
class InMemoryStateStoreTest extends StateStoreContract {

    @Override
    StateStore emptyStore() {
        return new InMemoryStateStore();
    }

    @Override
    Transactions transactionsOf(StateStore store) {
        return (InMemoryStateStore) store;
    }
}

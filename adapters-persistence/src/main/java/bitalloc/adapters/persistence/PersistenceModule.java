package bitalloc.adapters.persistence;

import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import bitalloc.application.port.out.memory.GroupCommitStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Binds the store ports to SQL on one database. The database is opened and migrated when first needed. Whoever
 * builds the injector closes {@link Database} and {@link HistoryLog} at shutdown (history first, so its last
 * batch is written).
 */
public final class PersistenceModule extends AbstractModule {

    private final DatabaseUrl url;

    public PersistenceModule(DatabaseUrl url) {
        this.url = url;
    }

    @Provides
    @Singleton
    Database database() {
        return Database.open(url);
    }

    @Provides
    @Singleton
    JooqTransactions jooqTransactions(Database database) {
        return new JooqTransactions(database.dsl());
    }

    /**
     * The durable state in memory, committed to SQL in groups: a commit per change (the database writes its file
     * on every commit) was most of a simulation's time and capped how many requests {@code serve} could answer.
     */
    @Provides
    @Singleton
    GroupCommitStateStore groupCommitStore(JooqTransactions transactions) {
        return new GroupCommitStateStore(new JooqStateStore(transactions), transactions);
    }

    @Provides
    @Singleton
    Transactions transactions(GroupCommitStateStore store) {
        return store;
    }

    @Provides
    @Singleton
    StateStore stateStore(GroupCommitStateStore store) {
        return store;
    }

    @Provides
    @Singleton
    HistoryLog historyLog(Database database) {
        return SqlHistory.open(database);
    }

    @Provides
    @Singleton
    ReadOnlyQuery readOnlyQuery(Database database) {
        return new JooqReadOnlyQuery(database);
    }
}

package bitalloc.boot;

import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.GroupCommitStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import com.google.inject.AbstractModule;

/**
 * The durable state and the history, created once and shared by every bitalloc instance of a run, so a
 * restarted instance recovers from what the previous one committed.
 */
public record Store(StateStore state, Transactions transactions, HistoryLog history, AutoCloseable resources) {

    /** Commits what is left, flushes the history and releases connections. */
    void close() {
        transactions.awaitCommitted();
        history.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the store: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} with the commits it asks for gathered into one at its end, when the store commits in groups.
     * For the simulator only: its clients are inside this process (see {@link GroupCommitStateStore#deferringCommits}).
     */
    void inOneCommit(Runnable work) {
        if (transactions instanceof GroupCommitStateStore groupCommit) {
            groupCommit.deferringCommits(() -> {
                work.run();
                return null;
            });
        } else {
            work.run();
        }
    }

    AbstractModule module(HistoryLog historyView) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StateStore.class).toInstance(state);
                bind(Transactions.class).toInstance(transactions);
                bind(HistoryLog.class).toInstance(historyView);
            }
        };
    }
}

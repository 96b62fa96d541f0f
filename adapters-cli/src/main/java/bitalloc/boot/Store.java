package bitalloc.boot;

import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import com.google.inject.AbstractModule;

/**
 * The durable state and the history, created once and shared by every bitalloc instance of a run, so a
 * restarted instance recovers from what the previous one committed.
 */
public record Store(StateStore state, Transactions transactions, HistoryLog history, AutoCloseable resources) {

    /** Flushes the history and releases connections. */
    void close() {
        history.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the store: " + e.getMessage(), e);
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

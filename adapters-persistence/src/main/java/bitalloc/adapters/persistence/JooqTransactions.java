package bitalloc.adapters.persistence;

import bitalloc.application.port.out.state.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Units of work on one database. The running transaction's context is kept per thread, so the state store's
 * calls made inside {@link #inTransaction} join it, and a nested call joins the outer one.
 */
public final class JooqTransactions implements Transactions {

    private final DSLContext dsl;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    public JooqTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return dsl.transactionResult(configuration -> {
            current.set(configuration.dsl());
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    /** The context of the running unit of work on this thread, or an auto-committing one outside any. */
    DSLContext dsl() {
        DSLContext inTransaction = current.get();
        return inTransaction != null ? inTransaction : dsl;
    }
}

package bitalloc.adapters.cli;

import bitalloc.application.port.out.history.ReadOnlyQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** How commands reach the store; the composition root supplies it, so this package never sees an adapter. */
@FunctionalInterface
public interface StoreAccess {

    /**
     * Opens the store at {@code jdbcUrl}, or the embedded default when none is given, for read-only queries.
     * Left is a one-line reason (a bad URL, a database that cannot be reached).
     */
    Either<String, QuerySession> openForQueries(Option<String> jdbcUrl);

    /** An open store; closing it releases its connections. */
    interface QuerySession extends AutoCloseable {
        ReadOnlyQuery query();

        @Override
        void close();
    }
}

package bitalloc.application.port.out.history;

import io.vavr.control.Either;

/**
 * Runs one read-only SELECT against the store (the history views, usually) and returns every row. Anything else
 * is refused: implementations check the statement and also run it where the database itself forbids writes.
 */
@FunctionalInterface
public interface ReadOnlyQuery {

    Either<QueryRefused, QueryResult> run(String sql);
}

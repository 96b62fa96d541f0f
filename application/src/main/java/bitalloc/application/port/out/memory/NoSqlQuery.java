package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.history.QueryResult;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import bitalloc.application.port.out.history.ReadOnlyStatementCheck;
import io.vavr.control.Either;

/** The query port of a run that keeps its state in memory: there is no SQL to query, and it says so. */
public final class NoSqlQuery implements ReadOnlyQuery {

    @Override
    public Either<QueryRefused, QueryResult> run(String sql) {
        return ReadOnlyStatementCheck.check(sql).flatMap(query -> Either.left(new QueryRefused.NoSqlStore(
                "this run keeps its history in memory; give a database URL (--db) to query it in SQL")));
    }
}

package bitalloc.adapters.cli;

import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.history.QueryResult;
import io.vavr.control.Either;
import io.vavr.control.Option;
import picocli.CommandLine;

/** Opens the store, runs one query and prints its answer or a one-line reason; shared by sql and history. */
final class QueryPrinter {

    private QueryPrinter() {
    }

    static int run(StoreAccess store, Option<String> jdbcUrl, String sql, OutputFormat format,
                   CommandLine commandLine) {
        Either<String, StoreAccess.QuerySession> opened = store.openForQueries(jdbcUrl);
        if (opened.isLeft()) {
            commandLine.getErr().println("bitalloc: " + opened.getLeft());
            return ExitCodes.STORE_UNAVAILABLE;
        }
        try (StoreAccess.QuerySession session = opened.get()) {
            Either<QueryRefused, QueryResult> answer = session.query().run(sql);
            if (answer.isLeft()) {
                commandLine.getErr().println("bitalloc: " + answer.getLeft().message());
                return exitCode(answer.getLeft());
            }
            format.print(answer.get(), commandLine.getOut());
            commandLine.getOut().flush();
            return ExitCodes.OK;
        }
    }

    private static int exitCode(QueryRefused refusal) {
        if (refusal instanceof QueryRefused.NotReadOnly) {
            return ExitCodes.REFUSED;
        }
        if (refusal instanceof QueryRefused.SqlError) {
            return ExitCodes.SQL_ERROR;
        }
        return ExitCodes.STORE_UNAVAILABLE;
    }
}

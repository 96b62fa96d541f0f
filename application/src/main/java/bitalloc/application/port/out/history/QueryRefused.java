package bitalloc.application.port.out.history;

/** Why a query was not answered. Each case carries a message fit for a one-line error. */
public sealed interface QueryRefused {

    String message();

    /** The text is not one read-only query (a write, DDL, several statements, a file or admin function). */
    record NotReadOnly(String message) implements QueryRefused {
    }

    /** The database rejected the query (syntax, unknown table, type error...). */
    record SqlError(String message) implements QueryRefused {
    }

    /** This run keeps no SQL store to query. */
    record NoSqlStore(String message) implements QueryRefused {
    }
}

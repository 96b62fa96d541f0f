package bitalloc.adapters.cli;

/** Exit codes of the {@code bitalloc} command, each with a one-line reason on stderr. */
final class ExitCodes {

    static final int OK = 0;
    /** Wrong options or arguments (picocli's own code). */
    static final int USAGE = 2;
    /** The statement is not a read-only query. */
    static final int REFUSED = 3;
    /** The database rejected the query. */
    static final int SQL_ERROR = 4;
    /** The store could not be opened: bad URL, unreachable server, or no SQL store. */
    static final int STORE_UNAVAILABLE = 5;

    private ExitCodes() {
    }
}

package bitalloc.adapters.http.api;

/** The phase a task script runs for its target. */
public enum Lifecycle {
    TILL,
    SOW,
    HARVEST
}

package bitalloc.application.port.out.state;

/** The phase a target's task script runs, as stored and as written into the history. */
public enum TaskLifecycle {
    TILL,
    SOW,
    HARVEST
}

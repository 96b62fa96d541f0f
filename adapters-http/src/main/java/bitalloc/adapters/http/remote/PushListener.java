package bitalloc.adapters.http.remote;

/** Told how each push went (the CLI prints it for the player). Called on a server thread. */
@FunctionalInterface
public interface PushListener {
    void pushed(PushReport report);
}

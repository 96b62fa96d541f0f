package bitalloc.application.port.in;

/** One turn of the selector loop: offer the current free RAM to the selector and carry out its commands. */
public interface TickSelector {
    void tick();
}

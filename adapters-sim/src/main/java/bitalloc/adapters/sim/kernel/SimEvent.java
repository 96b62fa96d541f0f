package bitalloc.adapters.sim.kernel;

/** Something that happens at one virtual instant. Events about a process check that it is still alive. */
@FunctionalInterface
public interface SimEvent {
    void fire();
}

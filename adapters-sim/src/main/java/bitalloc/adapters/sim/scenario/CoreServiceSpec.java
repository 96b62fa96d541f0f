package bitalloc.adapters.sim.scenario;

/** A core service the player starts before bitalloc runs (the in-game agent, discovery) and where. */
public record CoreServiceSpec(String script, String host) {
}

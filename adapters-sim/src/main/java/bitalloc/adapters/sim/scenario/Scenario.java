package bitalloc.adapters.sim.scenario;

import java.time.Instant;

/** Every parameter of one simulated game world. Built-ins are in {@link Scenarios}; files via {@link ScenarioFile}. */
public record Scenario(String name, Instant start, NetworkProfile network, HackingProfile hacking,
                       ScriptProfile scripts, PlayerProfile player, FaultProfile faults, MetricsProfile metrics) {

    public Scenario withName(String newName) {
        return new Scenario(newName, start, network, hacking, scripts, player, faults, metrics);
    }

    public Scenario withNetwork(NetworkProfile value) {
        return new Scenario(name, start, value, hacking, scripts, player, faults, metrics);
    }

    public Scenario withScripts(ScriptProfile value) {
        return new Scenario(name, start, network, hacking, value, player, faults, metrics);
    }

    public Scenario withPlayer(PlayerProfile value) {
        return new Scenario(name, start, network, hacking, scripts, value, faults, metrics);
    }

    public Scenario withFaults(FaultProfile value) {
        return new Scenario(name, start, network, hacking, scripts, player, value, metrics);
    }

    public Scenario withMetrics(MetricsProfile value) {
        return new Scenario(name, start, network, hacking, scripts, player, faults, value);
    }
}

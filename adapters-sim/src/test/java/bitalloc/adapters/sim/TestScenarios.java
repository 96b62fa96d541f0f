package bitalloc.adapters.sim;

import bitalloc.adapters.sim.scenario.FaultProfile;
import bitalloc.adapters.sim.scenario.MetricsProfile;
import bitalloc.adapters.sim.scenario.PlayerProfile;
import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.ScriptProfile;
import bitalloc.adapters.sim.scenario.Scenarios;
import java.time.Duration;

final class TestScenarios {

    private TestScenarios() {
    }

    /** The early network with a player who does nothing and no faults. */
    static Scenario quietEarly() {
        return Scenarios.early().withName("quiet-early").withPlayer(PlayerProfile.idle()).withFaults(FaultProfile.none());
    }

    /** quiet-early without core services and with utilization measured from the start. */
    static Scenario bareEarly() {
        Scenario quiet = quietEarly();
        ScriptProfile s = quiet.scripts();
        return quiet.withName("bare-early")
                .withScripts(new ScriptProfile(s.startDelay(), s.linkLatency(), s.heartbeatInterval(),
                        s.heartbeatJitter(), java.util.List.of(), s.coreRegisterDelay(), s.coreRestartDelay(),
                        s.harvestRounds()))
                .withMetrics(new MetricsProfile(Duration.ZERO, quiet.metrics().reclaimGiveUpPolls()));
    }

    static Scenario quietMid() {
        return Scenarios.mid().withName("quiet-mid").withPlayer(PlayerProfile.idle()).withFaults(FaultProfile.none());
    }
}

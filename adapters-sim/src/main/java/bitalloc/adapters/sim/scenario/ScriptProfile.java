package bitalloc.adapters.sim.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How bitalloc's own scripts behave in the game.
 *
 * @param startDelay time from exec to the script's first line (the game compiles the module asynchronously)
 * @param linkLatency round trip of one call to bitalloc (HTTP in the real game); a script execs its helpers
 *                    this long after its allocation was granted
 * @param heartbeatInterval time between two heartbeats of a task script
 * @param heartbeatJitter each heartbeat comes up to this much later, drawn uniformly
 * @param coreServices services started at the beginning and after every game reload
 * @param coreRegisterDelay time from a core service's start (or a bitalloc restart) to its registration
 * @param coreRestartDelay time from a game reload to the core services' restart
 * @param harvestRounds a harvest task runs {@code batchesInFlight × harvestRounds} batches, then finishes
 */
public record ScriptProfile(Duration startDelay, Duration linkLatency, Duration heartbeatInterval,
                            Duration heartbeatJitter, List<CoreServiceSpec> coreServices,
                            Duration coreRegisterDelay, Duration coreRestartDelay, int harvestRounds) {
    public ScriptProfile {
        coreServices = List.copyOf(coreServices);
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative() || harvestRounds < 1) {
            throw new IllegalArgumentException("heartbeatInterval must be positive and harvestRounds ≥ 1");
        }
    }
}

package bitalloc.adapters.sim;

import bitalloc.application.port.out.GameState;
import bitalloc.adapters.sim.game.HelperEffects;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.adapters.sim.scenario.HackingProfile;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import io.vavr.collection.List;

/** The game-state view over the simulated network: the player at the current level and the rooted targets. */
final class SimGameState implements GameState {

    private final GameNetwork network;
    private final Simulation simulation;
    private final HackingProfile hacking;

    SimGameState(GameNetwork network, Simulation simulation, HackingProfile hacking) {
        this.network = network;
        this.simulation = simulation;
        this.hacking = hacking;
    }

    @Override
    public Player player() {
        return HelperEffects.player(hacking.levelAt(simulation.now()));
    }

    @Override
    public List<TargetServer> targets() {
        List<TargetServer> states = List.empty();
        for (SimTarget target : network.targets()) {
            if (target.rooted()) {
                states = states.prepend(HelperEffects.view(target));
            }
        }
        return states.reverse();
    }
}

package bitalloc.adapters.sim;

import bitalloc.adapters.sim.game.GameStateView;
import bitalloc.adapters.sim.game.TargetState;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.adapters.sim.scenario.HackingProfile;
import bitalloc.domain.host.HostName;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The game-state view over the simulated network: rooted targets in catalog order and the hacking level. */
final class SimGameState implements GameStateView {

    private final GameNetwork network;
    private final Simulation simulation;
    private final HackingProfile hacking;

    SimGameState(GameNetwork network, Simulation simulation, HackingProfile hacking) {
        this.network = network;
        this.simulation = simulation;
        this.hacking = hacking;
    }

    @Override
    public List<TargetState> targets() {
        List<TargetState> states = List.empty();
        for (SimTarget target : network.targets()) {
            if (target.rooted()) {
                states = states.prepend(state(target));
            }
        }
        return states.reverse();
    }

    @Override
    public Option<TargetState> target(HostName host) {
        return network.target(host).map(SimGameState::state);
    }

    @Override
    public int hackingLevel() {
        return hacking.levelAt(simulation.now());
    }

    private static TargetState state(SimTarget t) {
        return new TargetState(t.name(), t.security(), t.minSecurity(), t.money(), t.maxMoney(), t.requiredLevel(),
                t.growth(), t.rooted());
    }
}

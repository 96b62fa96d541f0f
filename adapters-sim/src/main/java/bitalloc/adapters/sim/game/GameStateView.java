package bitalloc.adapters.sim.game;

import bitalloc.domain.host.HostName;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * What the game tells bitalloc about targets and the player (ns.getServer, ns.getHackingLevel). The lead aligns
 * this with the application's game-state port.
 */
public interface GameStateView {

    /** Rooted servers with money, in a fixed order. */
    List<TargetState> targets();

    Option<TargetState> target(HostName host);

    int hackingLevel();
}

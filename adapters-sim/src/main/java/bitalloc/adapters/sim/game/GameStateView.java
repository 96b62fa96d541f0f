package bitalloc.adapters.sim.game;

import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import io.vavr.collection.List;

/**
 * What the game tells bitalloc about the player and the targets (ns.getPlayer, ns.getServer). Same shape as the
 * application's {@code GameState} port on the app branch, so the wiring can implement that port with
 * {@code world.gameState()} directly once both are merged.
 */
public interface GameStateView {

    Player player();

    /** Rooted servers that hold money, in a stable order (the catalog's). */
    List<TargetServer> targets();
}

package bitalloc.application.port.out;

import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import io.vavr.collection.List;

/** Reads what the hacking formulas need: the player's stats and every server worth hacking. */
public interface GameState {

    Player player();

    /** Rooted servers that hold money, in a stable order. */
    List<TargetServer> targets();
}

package bitalloc.domain.selection;

import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;

/** The last state read from the game for one target, with the player's stats at that time. */
public record Observation(TargetServer server, Player player) {
}

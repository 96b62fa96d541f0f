package bitalloc.adapters.http.live;

import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.process.GameSession;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The live game's {@link ProcessTable} and {@link GameState}: what the in-game agent pushed with its latest scan.
 * Nothing here reads the game by itself; {@link LiveScans} stores each scan and then runs the poll on it.
 */
public final class PushedGame implements ProcessTable, GameState {

    private NetworkScan scan = new NetworkScan(GameSession.FIRST, List.empty());
    private Player player = Player.atLevel(1);
    private List<TargetServer> targets = List.empty();

    /** Keeps one push; a scan without player stats keeps the last ones known. */
    synchronized void pushed(NetworkScan newScan, Option<Player> newPlayer, List<TargetServer> newTargets) {
        scan = newScan;
        player = newPlayer.getOrElse(player);
        targets = newTargets;
    }

    @Override
    public synchronized NetworkScan scan() {
        return scan;
    }

    @Override
    public synchronized Player player() {
        return player;
    }

    @Override
    public synchronized List<TargetServer> targets() {
        return targets;
    }
}

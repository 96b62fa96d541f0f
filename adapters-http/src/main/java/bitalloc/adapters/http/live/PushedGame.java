package bitalloc.adapters.http.live;

import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.process.GameSession;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The live game's {@link ProcessTable} and {@link GameState}: what the in-game agent pushed with its latest scan.
 * Nothing here reads the game by itself; {@link LiveScans} stores each scan and then runs the poll on it.
 */
public final class PushedGame implements ProcessTable, GameState {

    private final CountDownLatch firstScanApplied = new CountDownLatch(1);
    private NetworkScan scan = new NetworkScan(GameSession.FIRST, List.empty());
    private Player player = Player.atLevel(1);
    private List<TargetServer> targets = List.empty();

    /** Keeps one push; a scan without player stats keeps the last ones known. */
    synchronized void pushed(NetworkScan newScan, Option<Player> newPlayer, List<TargetServer> newTargets) {
        scan = newScan;
        player = newPlayer.getOrElse(player);
        targets = newTargets;
    }

    /** The poll ran on a pushed scan: from now on the allocator knows every host's RAM. */
    void applied() {
        firstScanApplied.countDown();
    }

    /**
     * Waits, at most {@code patience}, until a scan was applied since the start; true when one was. Until then
     * the allocator places nothing, since it has seen no host (a restored ledger's hosts count as absent).
     */
    boolean awaitFirstScan(Duration patience) {
        try {
            return firstScanApplied.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
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

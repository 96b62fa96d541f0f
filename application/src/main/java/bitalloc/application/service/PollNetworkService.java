package bitalloc.application.service;

import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.ReportScan;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.game.Player;
import bitalloc.domain.scan.ScanReport;
import bitalloc.domain.selection.SelectorEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The poll loop's turn: targets' state first, so the selector plans from fresh numbers, then the scan. */
@Singleton
public final class PollNetworkService implements PollNetwork {

    private final ProcessTable processTable;
    private final GameState gameState;
    private final ReportScan reportScan;
    private final Engine engine;
    private final Clock clock;

    @Inject
    public PollNetworkService(ProcessTable processTable, GameState gameState, ReportScan reportScan, Engine engine,
                              Clock clock) {
        this.processTable = processTable;
        this.gameState = gameState;
        this.reportScan = reportScan;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public ScanReport poll() {
        Player player = gameState.player();
        var targets = gameState.targets();
        engine.locked(() -> {
            Instant now = clock.now();
            engine.scanArrived(now);
            targets.forEach(target -> engine.feed(new SelectorEvent.TargetObserved(target, player), now));
        });
        return reportScan.report(new ReportScan.Command(processTable.scan()));
    }
}

package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.Commands.Scan;
import bitalloc.adapters.http.api.Outcomes.HostFree;
import bitalloc.adapters.http.api.Outcomes.ScanApplied;
import bitalloc.adapters.http.api.ScanApi;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.scan.ScanReport;
import io.vavr.control.Either;

/**
 * POST /scans: the agent pushes what the poll loop would otherwise read. Each scan is stored in {@link PushedGame}
 * and the poll runs on it at once (targets' state to the selector, then the process tables to the allocator), so
 * the live service runs no poll loop of its own and never scans twice.
 */
public final class LiveScans implements ScanApi {

    private final PushedGame game;
    private final PollNetwork poll;

    public LiveScans(PushedGame game, PollNetwork poll) {
        this.game = game;
        this.poll = poll;
    }

    @Override
    public synchronized Either<ApiFailure, ScanApplied> apply(Scan scan) {
        game.pushed(new NetworkScan(SessionKeys.of(scan.session()), scan.hosts()), scan.player(), scan.targets());
        ScanReport report = poll.poll();
        game.applied();
        return Either.right(new ScanApplied(report.hosts()
                .map(host -> new HostFree(host.host(), host.effectiveFree()))));
    }
}

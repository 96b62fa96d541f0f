package bitalloc.application.port.out;

import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.List;

/**
 * Told after every scan, with the ledger as the scan left it and the wall time the classification took:
 * what metrics (the simulator's report, the live service's /metrics) are made of.
 */
@FunctionalInterface
public interface ScanListener {

    void scanned(ScanReport report, List<HostLedgerView> ledger, long classifyNanos);

    ScanListener NONE = (report, ledger, nanos) -> { };
}

package bitalloc.application.port.in;

import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.scan.ScanReport;

/**
 * Takes one poll of every host's process table (pulled by the poll loop, or pushed by the in-game agent),
 * brings the ledger up to date and tells the selector which processes exited.
 */
public interface ReportScan {

    ScanReport report(Command command);

    record Command(NetworkScan scan) {
    }
}

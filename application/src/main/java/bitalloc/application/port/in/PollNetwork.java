package bitalloc.application.port.in;

import bitalloc.domain.scan.ScanReport;

/** One turn of the poll loop: read every process table and the targets' state, and report the scan. */
public interface PollNetwork {
    ScanReport poll();
}

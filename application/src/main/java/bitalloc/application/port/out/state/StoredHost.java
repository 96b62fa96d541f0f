package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A host's ledger entry (A1) as it is kept across restarts. Allocated RAM is not stored: it is the sum of the
 * host's grants, and effective free RAM is derived from the rest.
 */
public record StoredHost(HostName host, HostKind kind, int cores, Ram maxRam, Ram setAside, Ram usedRam,
                         Ram foreignRam, Ram reservedEstimate, Ram margin, Option<Instant> lastScanAt) {
}

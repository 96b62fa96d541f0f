package bitalloc.domain.host;

import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * One host's ledger line (DESIGN A1), frozen at the moment it was read.
 * {@code effectiveFree} = max − set-aside − allocated − registered − reserved − margin − over-grant, never below 0;
 * it is 0 for a host the last scan did not see.
 */
public record HostLedgerView(HostName host, HostKind kind, int cores, Ram maxRam, Ram setAside, Ram allocated,
                             Ram registered, Ram reserved, Ram margin, Ram foreign, Ram overGrant,
                             Option<Instant> lastScan, boolean present, Ram effectiveFree) {
}

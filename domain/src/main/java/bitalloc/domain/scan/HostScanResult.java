package bitalloc.domain.scan;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/**
 * One host after a scan.
 *
 * @param used          RAM the game reports as used
 * @param ours          RAM of tagged, claimed and registered processes
 * @param foreign       RAM of foreign processes plus used RAM that no process explains
 * @param exitedForeign RAM of foreign processes gone since the previous scan
 * @param overGrant     RAM our processes use beyond their grants
 * @param reserved      the reserved estimate after this scan
 * @param margin        the safety margin after this scan
 * @param effectiveFree what may be granted on the host now
 */
public record HostScanResult(HostName host, int processes, Ram used, Ram ours, Ram foreign, Ram exitedForeign,
                             Ram overGrant, Ram reserved, Ram margin, Ram effectiveFree) {
}

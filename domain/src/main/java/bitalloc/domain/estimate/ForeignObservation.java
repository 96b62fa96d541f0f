package bitalloc.domain.estimate;

import bitalloc.domain.ram.Ram;

/**
 * What one poll saw on one host, as the reserved estimators need it.
 *
 * @param used          RAM the game reports as used on the host
 * @param accounted     RAM the ledger already accounts for (live grants plus registrations)
 * @param foreign       RAM of foreign processes plus used RAM that no process explains
 * @param exitedForeign RAM of foreign processes seen at the previous poll and gone at this one
 */
public record ForeignObservation(Ram used, Ram accounted, Ram foreign, Ram exitedForeign) {
}

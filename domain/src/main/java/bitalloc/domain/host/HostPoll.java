package bitalloc.domain.host;

import bitalloc.domain.ram.Ram;

/**
 * What one scan learnt about one host beyond its static facts.
 *
 * @param used          RAM the game reports as used
 * @param foreign       RAM of foreign processes plus used RAM that no process explains
 * @param exitedForeign RAM of the foreign processes that exited since the previous scan
 * @param overGrant     RAM our tagged processes use beyond their grants on this host
 */
public record HostPoll(Ram used, Ram foreign, Ram exitedForeign, Ram overGrant) {
}

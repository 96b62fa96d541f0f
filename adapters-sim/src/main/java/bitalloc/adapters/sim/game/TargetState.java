package bitalloc.adapters.sim.game;

import bitalloc.domain.host.HostName;

/** A hacking target as the game reports it at one instant. */
public record TargetState(HostName host, double security, double minSecurity, double money, double maxMoney,
                          long requiredLevel, long growth, boolean rooted) {
}

package bitalloc.domain.game;

import bitalloc.domain.host.HostName;

/** The state of a hackable server that the hacking formulas read. */
public record TargetServer(HostName name, int requiredHackingLevel, Security security, Security minSecurity,
                           Money money, Money maxMoney, int serverGrowth) {
    public TargetServer {
        if (requiredHackingLevel < 0) {
            throw new IllegalArgumentException("required hacking level cannot be negative: " + requiredHackingLevel);
        }
        if (serverGrowth < 0) {
            throw new IllegalArgumentException("server growth cannot be negative: " + serverGrowth);
        }
    }

    /** The same server at minimum security and maximum money: the state a harvest batch starts from. */
    public TargetServer prepared() {
        return new TargetServer(name, requiredHackingLevel, minSecurity, minSecurity, maxMoney, maxMoney, serverGrowth);
    }

    public TargetServer withSecurity(Security newSecurity) {
        return new TargetServer(name, requiredHackingLevel, newSecurity, minSecurity, money, maxMoney, serverGrowth);
    }

    public TargetServer withMoney(Money newMoney) {
        return new TargetServer(name, requiredHackingLevel, security, minSecurity, newMoney, maxMoney, serverGrowth);
    }
}

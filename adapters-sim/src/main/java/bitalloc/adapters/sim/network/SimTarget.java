package bitalloc.adapters.sim.network;

import bitalloc.domain.host.HostName;

/** A server's hacking state: security, money and the values the formulas need. Mutated by helper effects. */
public final class SimTarget {

    private final HostName name;
    private final long requiredLevel;
    private final double minSecurity;
    private final double maxMoney;
    private final long growth;
    private final boolean rooted;
    private double security;
    private double money;

    public SimTarget(HostName name, long requiredLevel, double security, double minSecurity, double money,
                     double maxMoney, long growth, boolean rooted) {
        this.name = name;
        this.requiredLevel = requiredLevel;
        this.security = security;
        this.minSecurity = minSecurity;
        this.money = money;
        this.maxMoney = maxMoney;
        this.growth = growth;
        this.rooted = rooted;
    }

    public HostName name() {
        return name;
    }

    public long requiredLevel() {
        return requiredLevel;
    }

    public double security() {
        return security;
    }

    public double minSecurity() {
        return minSecurity;
    }

    public double money() {
        return money;
    }

    public double maxMoney() {
        return maxMoney;
    }

    public long growth() {
        return growth;
    }

    public boolean rooted() {
        return rooted;
    }

    /** Security stays within [minSecurity, 100], as in the game. */
    public void setSecurity(double value) {
        security = Math.min(100, Math.max(minSecurity, value));
    }

    /** Money stays within [0, maxMoney]. */
    public void setMoney(double value) {
        money = Math.min(maxMoney, Math.max(0, value));
    }

    @Override
    public String toString() {
        return name + " sec " + security + "/" + minSecurity + " money " + money + "/" + maxMoney;
    }
}

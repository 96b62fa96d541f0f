package bitalloc.adapters.sim.metrics;

import bitalloc.adapters.sim.network.SimHost;
import java.util.function.ToLongFunction;

/**
 * DESIGN.md §7 {@code utilization}: the time-weighted mean, over the measured time, of
 * {@code Σ held / Σ (max − set-aside − foreign)} across usable hosts, where held is the RAM of bitalloc's
 * processes and foreign the player's processes plus share RAM (ground truth). Stretches where the denominator
 * is 0 are left out. O(1) per RAM change: running totals plus one contribution per host.
 */
public final class UtilizationMeter {

    private final long[] held;
    private final long[] capacity;
    private final long measureFromMillis;
    private ToLongFunction<SimHost> setAside = host -> 0;
    private long totalHeld;
    private long totalCapacity;
    private long lastMillis;
    private double weightedMillis;
    private long measuredMillis;

    public UtilizationMeter(int hostCount, long measureFromMillis) {
        this.held = new long[hostCount];
        this.capacity = new long[hostCount];
        this.measureFromMillis = measureFromMillis;
    }

    /** The allocator's set-aside per host (hundredths); call before the run starts. */
    public void useSetAside(ToLongFunction<SimHost> policy) {
        this.setAside = policy;
    }

    /** Records a host's new RAM split at {@code nowMillis}; time up to now is weighted with the old totals. */
    public void hostChanged(SimHost host, long nowMillis) {
        advanceTo(nowMillis);
        if (!host.usable()) {
            return;
        }
        int i = host.index();
        totalHeld -= held[i];
        totalCapacity -= capacity[i];
        held[i] = host.bitallocRamHundredths();
        capacity[i] = Math.max(0, host.maxRamHundredths() - setAside.applyAsLong(host) - host.foreignRamHundredths());
        totalHeld += held[i];
        totalCapacity += capacity[i];
    }

    public void advanceTo(long nowMillis) {
        long from = Math.max(lastMillis, measureFromMillis);
        if (nowMillis > from && totalCapacity > 0) {
            long span = nowMillis - from;
            weightedMillis += span * ((double) totalHeld / totalCapacity);
            measuredMillis += span;
        }
        lastMillis = Math.max(lastMillis, nowMillis);
    }

    /** The mean so far (integrated up to {@code nowMillis}); 0 before anything was measured. */
    public double value(long nowMillis) {
        advanceTo(nowMillis);
        return measuredMillis == 0 ? 0 : weightedMillis / measuredMillis;
    }

    public long measuredMillis() {
        return measuredMillis;
    }

    /** The instantaneous ratio, for progress displays. */
    public double current() {
        return totalCapacity == 0 ? 0 : (double) totalHeld / totalCapacity;
    }
}

package bitalloc.adapters.sim.scenario;

import java.time.Duration;

/**
 * How the run is measured.
 *
 * @param utilizationWarmUp utilization is integrated only after this much virtual time (the ramp-up while the
 *                          first targets are tilled is not what the metric is about)
 * @param reclaimGiveUpPolls a foreign exit not reclaimed after this many polls is recorded with this value
 */
public record MetricsProfile(Duration utilizationWarmUp, int reclaimGiveUpPolls) {
    public MetricsProfile {
        if (utilizationWarmUp.isNegative() || reclaimGiveUpPolls < 1) {
            throw new IllegalArgumentException("inconsistent metrics profile: " + this);
        }
    }
}

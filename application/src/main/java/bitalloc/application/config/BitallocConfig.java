package bitalloc.application.config;

import bitalloc.domain.allocator.AllocatorPolicy;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.SelectorConfig;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Every knob of bitalloc in one place (DESIGN T9), each with its default in {@link #defaults()}.
 * The allocator's and the selector's own knobs live in their policy records and are documented there.
 *
 * @param allocator    estimator, margin, set-aside, grace periods, tag key (DESIGN A5–A9)
 * @param selector     timeouts, back-off, tolerances, task scripts, harvest sizing (DESIGN T1–T9)
 * @param pollInterval how often every host's process table is scanned (default 2 s)
 * @param tickInterval how often the selector may launch (default 500 ms)
 * @param filler       the script that holds RAM no task can use, stopped when a task needs it (default
 *                     {@link FillerScript#DEFAULT}); none leaves spare RAM free for the player's own scripts
 */
public record BitallocConfig(AllocatorPolicy allocator, SelectorConfig selector, Duration pollInterval,
                             Duration tickInterval, Option<FillerScript> filler) {

    public BitallocConfig {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
        }
        if (tickInterval.isZero() || tickInterval.isNegative()) {
            throw new IllegalArgumentException("tick interval must be positive: " + tickInterval);
        }
    }

    /**
     * The defaults. An allocation with no live process is released after one poll interval: the requester or
     * the tagged children of any real allocation show in the very next scan, so a longer grace only leaks.
     */
    public static BitallocConfig defaults() {
        Duration poll = Duration.ofSeconds(2);
        return new BitallocConfig(AllocatorPolicy.DEFAULT.withAllocationGrace(poll), SelectorConfig.defaults(), poll,
                Duration.ofMillis(500), Option.some(FillerScript.DEFAULT));
    }

    public BitallocConfig withAllocator(AllocatorPolicy policy) {
        return new BitallocConfig(policy, selector, pollInterval, tickInterval, filler);
    }

    public BitallocConfig withSelector(SelectorConfig config) {
        return new BitallocConfig(allocator, config, pollInterval, tickInterval, filler);
    }

    public BitallocConfig withIntervals(Duration poll, Duration tick) {
        return new BitallocConfig(allocator, selector, poll, tick, filler);
    }

    public BitallocConfig withFiller(Option<FillerScript> script) {
        return new BitallocConfig(allocator, selector, pollInterval, tickInterval, script);
    }
}

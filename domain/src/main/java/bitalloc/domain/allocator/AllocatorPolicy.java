package bitalloc.domain.allocator;

import bitalloc.domain.estimate.Alpha;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.tag.TagKey;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Everything that tunes the allocator, chosen by configuration.
 *
 * @param estimator              how foreign RAM is estimated between polls (DESIGN A7)
 * @param margin                 how much RAM each host keeps free for foreign growth (DESIGN A8)
 * @param setAside               RAM kept off-limits per host kind and name (DESIGN A9)
 * @param allocationGrace        how long an allocation may have no live process before a scan releases it
 * @param absentPollsTolerated   scans a registered or claimed pid may be missing before it is dropped (A5: one)
 * @param tagKey                 when present, tags carry a keyed checksum and unchecked tags are foreign
 * @param rememberedReleases     how many released ids are remembered to answer a repeated release
 */
public record AllocatorPolicy(ReservedEstimator estimator, MarginPolicy margin, SetAsidePolicy setAside,
                              Duration allocationGrace, int absentPollsTolerated, Option<TagKey> tagKey,
                              int rememberedReleases) {

    /** Hybrid estimator and adaptive margin: the pair designed to meet R1 and R3 (to be confirmed by §7's runs). */
    public static final AllocatorPolicy DEFAULT = new AllocatorPolicy(new ReservedEstimator.Hybrid(Alpha.DEFAULT),
            MarginPolicy.Adaptive.DEFAULT, SetAsidePolicy.DEFAULT, Duration.ofSeconds(30), 1, Option.none(),
            65_536);

    public AllocatorPolicy {
        if (allocationGrace.isNegative()) {
            throw new IllegalArgumentException("allocation grace must not be negative: " + allocationGrace);
        }
        if (absentPollsTolerated < 0) {
            throw new IllegalArgumentException("absent polls tolerated must not be negative");
        }
        if (rememberedReleases < 0) {
            throw new IllegalArgumentException("remembered releases must not be negative");
        }
    }

    public AllocatorPolicy withEstimator(ReservedEstimator newEstimator) {
        return new AllocatorPolicy(newEstimator, margin, setAside, allocationGrace, absentPollsTolerated, tagKey,
                rememberedReleases);
    }

    public AllocatorPolicy withMargin(MarginPolicy newMargin) {
        return new AllocatorPolicy(estimator, newMargin, setAside, allocationGrace, absentPollsTolerated, tagKey,
                rememberedReleases);
    }

    public AllocatorPolicy withSetAside(SetAsidePolicy newSetAside) {
        return new AllocatorPolicy(estimator, margin, newSetAside, allocationGrace, absentPollsTolerated, tagKey,
                rememberedReleases);
    }

    public AllocatorPolicy withAllocationGrace(Duration newGrace) {
        return new AllocatorPolicy(estimator, margin, setAside, newGrace, absentPollsTolerated, tagKey,
                rememberedReleases);
    }

    public AllocatorPolicy withTagKey(TagKey key) {
        return new AllocatorPolicy(estimator, margin, setAside, allocationGrace, absentPollsTolerated,
                Option.of(key), rememberedReleases);
    }
}

package bitalloc.domain.selection;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * The global launch pause after RAM refusals: base, 2×base, 4×base … up to the cap, reset by a confirmed launch.
 * It holds only launches; every other event is handled at once.
 *
 * @param consecutiveRefusals refusals since the last confirmed launch
 * @param holdUntil           no launch before this instant
 */
public record BackOff(int consecutiveRefusals, Option<Instant> holdUntil) {

    public static final BackOff NONE = new BackOff(0, Option.none());

    public boolean holds(Instant now) {
        return holdUntil.exists(now::isBefore);
    }

    /** The pause after the {@code refusals}-th consecutive refusal. */
    public static Duration delayAfter(int refusals, SelectorConfig config) {
        Duration delay = config.backOffBase();
        for (int i = 1; i < refusals && delay.compareTo(config.backOffCap()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.backOffCap()) < 0 ? delay : config.backOffCap();
    }

    BackOff refused(Instant now, SelectorConfig config) {
        int refusals = consecutiveRefusals + 1;
        Instant until = now.plus(delayAfter(refusals, config));
        return new BackOff(refusals, Option.some(holdUntil.filter(until::isBefore).getOrElse(until)));
    }

    /** Back-off time added by moving from this back-off to {@code next} at {@code now}. */
    Duration addedHold(BackOff next, Instant now) {
        Instant heldUntil = holdUntil.filter(now::isBefore).getOrElse(now);
        Instant nextUntil = next.holdUntil.filter(now::isBefore).getOrElse(now);
        return Duration.between(heldUntil, nextUntil);
    }
}

package bitalloc.domain.estimate;

import bitalloc.domain.ram.Ram;

/**
 * How much RAM a host's foreign processes are assumed to hold until the next poll (DESIGN A7).
 * Each estimator turns the previous estimate and this poll's observation into the next estimate.
 */
public sealed interface ReservedEstimator {

    Ram next(Ram previous, ForeignObservation observation);

    /** Used minus accounted: the original heuristic the RFD calls noisy. */
    record Delta() implements ReservedEstimator {
        @Override
        public Ram next(Ram previous, ForeignObservation observation) {
            return observation.used().minusOrZero(observation.accounted());
        }
    }

    /** Exactly this poll's foreign RAM: reacts at once, in both directions. */
    record Exact() implements ReservedEstimator {
        @Override
        public Ram next(Ram previous, ForeignObservation observation) {
            return observation.foreign();
        }
    }

    /** The RFD's exponential moving average of foreign RAM. It can lag below the foreign RAM that is really there. */
    record Ema(Alpha alpha) implements ReservedEstimator {
        @Override
        public Ram next(Ram previous, ForeignObservation observation) {
            return Ram.ofHundredths(alpha.smooth(previous.hundredths(), observation.foreign().hundredths()));
        }
    }

    /**
     * Never below this poll's foreign RAM (R1); drops at once by the RAM of foreign processes seen to exit (R3);
     * only the remainder above the foreign RAM decays smoothly.
     */
    record Hybrid(Alpha alpha) implements ReservedEstimator {
        @Override
        public Ram next(Ram previous, ForeignObservation observation) {
            long withoutExited = previous.minusOrZero(observation.exitedForeign()).hundredths();
            long foreign = observation.foreign().hundredths();
            return Ram.ofHundredths(Math.max(foreign, alpha.smooth(withoutExited, foreign)));
        }
    }
}

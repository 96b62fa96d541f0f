package bitalloc.adapters.sim.network;

import bitalloc.adapters.sim.kernel.RandomStreams;
import java.util.SplittableRandom;

/** A whole-number game value that is either fixed or drawn uniformly from [min, max] when the world is built. */
public record IntRange(long min, long max) {
    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public static IntRange fixed(long value) {
        return new IntRange(value, value);
    }

    public long draw(SplittableRandom random) {
        return RandomStreams.uniform(random, min, max);
    }
}

package bitalloc.adapters.sim.metrics;

import java.util.Arrays;

/** A growable list of long samples with nearest-rank percentiles. */
public final class Samples {

    private long[] values = new long[64];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /** Nearest-rank percentile ({@code percent} in (0, 100]); 0 when there are no samples. */
    public long percentile(double percent) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }

    public long max() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }
}

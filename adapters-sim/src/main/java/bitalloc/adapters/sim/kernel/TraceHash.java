package bitalloc.adapters.sim.kernel;

/**
 * A running 64-bit fingerprint of what happened in a run (FNV-1a over longs). Two runs with the same scenario and
 * seed must end with the same value; tests compare it instead of storing whole traces.
 */
public final class TraceHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long value = FNV_OFFSET;
    private long entries;

    public void add(long... parts) {
        for (long part : parts) {
            value = (value ^ part) * FNV_PRIME;
            value ^= value >>> 29;
        }
        entries++;
    }

    public void add(String text, long... parts) {
        add(text.hashCode());
        add(parts);
    }

    public long value() {
        return value;
    }

    public long entries() {
        return entries;
    }

    @Override
    public String toString() {
        return String.format("%016x", value);
    }
}

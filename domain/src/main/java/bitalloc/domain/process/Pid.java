package bitalloc.domain.process;

/** A game process id. Only unique within one game session: the game restarts pids at 1 after a reload. */
public record Pid(long value) implements Comparable<Pid> {
    public Pid {
        if (value <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + value);
        }
    }

    public static Pid of(long value) {
        return new Pid(value);
    }

    @Override
    public int compareTo(Pid other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

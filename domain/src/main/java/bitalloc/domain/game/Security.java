package bitalloc.domain.game;

/** A server's security level (the game's hackDifficulty): it slows hacks and lowers their chance and yield. */
public record Security(double level) implements Comparable<Security> {
    public Security {
        if (!Double.isFinite(level) || level < 0) {
            throw new IllegalArgumentException("security must be a finite non-negative number: " + level);
        }
    }

    public static Security of(double level) {
        return new Security(level);
    }

    public Security plus(double amount) {
        return new Security(level + amount);
    }

    /** How far this level is above {@code floor}; zero when it is not above. */
    public double excessOver(Security floor) {
        return Math.max(0, level - floor.level);
    }

    @Override
    public int compareTo(Security other) {
        return Double.compare(level, other.level);
    }
}

package bitalloc.domain.game;

/** An amount of in-game money in dollars, as the game reports it (a JavaScript number). */
public record Money(double dollars) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public Money {
        if (!Double.isFinite(dollars) || dollars < 0) {
            throw new IllegalArgumentException("money must be a finite non-negative number: " + dollars);
        }
    }

    public static Money of(double dollars) {
        return new Money(dollars);
    }

    public Money times(double factor) {
        return new Money(dollars * factor);
    }

    public boolean isBelow(Money other) {
        return dollars < other.dollars;
    }

    @Override
    public int compareTo(Money other) {
        return Double.compare(dollars, other.dollars);
    }
}

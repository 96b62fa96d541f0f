package bitalloc.domain.ram;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of RAM in hundredths of a GB, the game's own granularity.
 * Capacity decisions compare and add these integers; no floating point is involved.
 */
public record Ram(long hundredths) implements Comparable<Ram> {

    public static final Ram ZERO = new Ram(0);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Ram {
        if (hundredths < 0) {
            throw new IllegalArgumentException("RAM cannot be negative: " + hundredths + " hundredths of a GB");
        }
    }

    public static Ram ofHundredths(long hundredths) {
        return new Ram(hundredths);
    }

    public static Ram ofGb(long gb) {
        return new Ram(Math.multiplyExact(gb, 100));
    }

    /**
     * Parses a decimal GB amount as the game prints it ("1.75", "8", "1.6").
     * More than two decimals is rejected: the game never produces them, so they signal a caller's mistake.
     */
    public static Ram parse(String gb) {
        BigDecimal value;
        try {
            value = new BigDecimal(gb.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal GB amount: '" + gb + "'");
        }
        return fromDecimal(value);
    }

    /**
     * Converts a GB value the game reported as a JavaScript number. The game keeps RAM rounded to two decimals,
     * so the value is rounded to the nearest hundredth; float noise such as 1.6999999999999997 becomes 1.70.
     * This happens once at the edge; capacity decisions only see the exact result.
     */
    public static Ram fromReportedGb(double gb) {
        if (Double.isNaN(gb) || Double.isInfinite(gb)) {
            throw new IllegalArgumentException("not a finite GB amount: " + gb);
        }
        return fromDecimal(BigDecimal.valueOf(gb).setScale(2, RoundingMode.HALF_UP));
    }

    private static Ram fromDecimal(BigDecimal gb) {
        if (gb.signum() < 0) {
            throw new IllegalArgumentException("RAM cannot be negative: " + gb.toPlainString() + " GB");
        }
        BigDecimal scaled = gb.multiply(HUNDRED);
        try {
            return new Ram(scaled.stripTrailingZeros().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "RAM must be a whole number of hundredths of a GB within range: " + gb.toPlainString() + " GB");
        }
    }

    public Ram plus(Ram other) {
        return new Ram(Math.addExact(hundredths, other.hundredths));
    }

    /** Subtraction that must not go below zero; a negative result is a programming error. */
    public Ram minus(Ram other) {
        return new Ram(Math.subtractExact(hundredths, other.hundredths));
    }

    /** Subtraction floored at zero, for derived quantities such as effective free RAM. */
    public Ram minusOrZero(Ram other) {
        return new Ram(Math.max(0, hundredths - other.hundredths));
    }

    public Ram times(long count) {
        return new Ram(Math.multiplyExact(hundredths, count));
    }

    /** How many whole chunks of {@code chunk} fit in this amount. */
    public long chunksOf(Ram chunk) {
        if (chunk.hundredths == 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        return hundredths / chunk.hundredths;
    }

    public Ram max(Ram other) {
        return hundredths >= other.hundredths ? this : other;
    }

    public Ram min(Ram other) {
        return hundredths <= other.hundredths ? this : other;
    }

    public boolean isAtLeast(Ram other) {
        return hundredths >= other.hundredths;
    }

    public boolean isGreaterThan(Ram other) {
        return hundredths > other.hundredths;
    }

    public boolean isZero() {
        return hundredths == 0;
    }

    /** Whole-number percentage of this amount, rounded up so margins err on the safe side. */
    public Ram percentCeil(long percent) {
        return new Ram(-Math.floorDiv(-Math.multiplyExact(hundredths, percent), 100));
    }

    /** The amount in GB as a decimal string with two places, as the game shows it. */
    public String toGbString() {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }

    @Override
    public int compareTo(Ram other) {
        return Long.compare(hundredths, other.hundredths);
    }

    @Override
    public String toString() {
        return toGbString() + " GB";
    }
}

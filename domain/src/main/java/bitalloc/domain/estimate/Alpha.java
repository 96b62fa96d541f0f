package bitalloc.domain.estimate;

import java.math.BigDecimal;

/**
 * The weight an exponential moving average gives to its previous value, in thousandths (0.7 = 700).
 * Kept as an integer so that smoothing RAM never involves floating point.
 */
public record Alpha(int permille) {

    /** The RFD's suggestion: α ≈ 0.7. */
    public static final Alpha DEFAULT = new Alpha(700);
    private static final int ONE = 1000;

    public Alpha {
        if (permille < 0 || permille >= ONE) {
            throw new IllegalArgumentException("alpha must be in [0, 1): " + permille + "/1000");
        }
    }

    /** Parses a decimal such as "0.7" or "0.85" (at most three decimals). */
    public static Alpha parse(String decimal) {
        try {
            return new Alpha(new BigDecimal(decimal.trim()).movePointRight(3).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("alpha must be a decimal in [0, 1) with at most 3 places: " + decimal);
        }
    }

    /** α·previous + (1−α)·observed, rounded down to whole hundredths so the average can decay to zero. */
    long smooth(long previous, long observed) {
        return Math.floorDiv(Math.addExact(Math.multiplyExact(previous, permille),
                Math.multiplyExact(observed, ONE - permille)), ONE);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(permille, 3).stripTrailingZeros().toPlainString();
    }
}

package bitalloc.domain.game;

/**
 * The player's stats that the hacking formulas read. Multipliers come from augmentations; 1.0 means none.
 */
public record Player(int hackingLevel, int intelligence, double hackChanceMult, double hackMoneyMult,
                     double growMult, double hackSpeedMult) {
    public Player {
        if (hackingLevel < 1) {
            throw new IllegalArgumentException("hacking level starts at 1: " + hackingLevel);
        }
        if (intelligence < 0) {
            throw new IllegalArgumentException("intelligence cannot be negative: " + intelligence);
        }
        requirePositive(hackChanceMult, "hack chance multiplier");
        requirePositive(hackMoneyMult, "hack money multiplier");
        requirePositive(growMult, "grow multiplier");
        requirePositive(hackSpeedMult, "hack speed multiplier");
    }

    /** A player with the given hacking level, no intelligence and no augmentations. */
    public static Player atLevel(int hackingLevel) {
        return new Player(hackingLevel, 0, 1, 1, 1, 1);
    }

    /** The intelligence bonus the game applies to hack chance and hacking times. */
    double intelligenceBonus() {
        return 1 + Math.pow(intelligence, 0.8) / 600;
    }

    private static void requirePositive(double value, String what) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(what + " must be a positive number: " + value);
        }
    }
}

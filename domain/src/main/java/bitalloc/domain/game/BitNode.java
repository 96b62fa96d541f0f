package bitalloc.domain.game;

/** The current BitNode's multipliers that the hacking formulas use; BitNode 1 has all of them at 1. */
public record BitNode(double scriptHackMoney, double serverGrowthRate, double serverWeakenRate,
                      double hackingSpeed) {
    public static final BitNode ONE = new BitNode(1, 1, 1, 1);

    public BitNode {
        if (!(scriptHackMoney >= 0) || !(serverGrowthRate > 0) || !(serverWeakenRate > 0) || !(hackingSpeed > 0)) {
            throw new IllegalArgumentException("BitNode multipliers must be positive (hack money may be 0): hack money "
                    + scriptHackMoney + ", growth " + serverGrowthRate + ", weaken " + serverWeakenRate
                    + ", speed " + hackingSpeed);
        }
    }
}

package bitalloc.adapters.sim.scenario;

/**
 * The player's hacking level over time: {@code min(maxLevel, startLevel + levelsPerHour × hours)}, a straight
 * line standing in for experience gained from hacking and studying.
 */
public record HackingProfile(int startLevel, double levelsPerHour, int maxLevel) {
    public HackingProfile {
        if (startLevel < 1 || maxLevel < startLevel || levelsPerHour < 0) {
            throw new IllegalArgumentException("need 1 ≤ startLevel ≤ maxLevel and levelsPerHour ≥ 0");
        }
    }

    public int levelAt(long millis) {
        double level = startLevel + levelsPerHour * millis / 3_600_000.0;
        return (int) Math.min(maxLevel, Math.floor(level));
    }
}

package bitalloc.domain.process;

/**
 * One run of the game between reloads. Every pid-keyed record remembers its session, because the game
 * restarts pids at 1 after each reload and an old pid may then name a different process.
 */
public record GameSession(long value) implements Comparable<GameSession> {
    public static final GameSession FIRST = new GameSession(1);

    public GameSession next() {
        return new GameSession(value + 1);
    }

    @Override
    public int compareTo(GameSession other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "session-" + value;
    }
}

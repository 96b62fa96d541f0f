package bitalloc.adapters.http.api;

/** Names one launch or kill command handed to the in-game agent, so its result can be matched. */
public record CommandId(long value) {
    public CommandId {
        if (value <= 0) {
            throw new IllegalArgumentException("command id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package bitalloc.adapters.http.api;

/** A script's path on a host as the game writes it ("bitalloc/agent.js"), without a leading slash. */
public record ScriptPath(String value) {
    public ScriptPath {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("script path must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

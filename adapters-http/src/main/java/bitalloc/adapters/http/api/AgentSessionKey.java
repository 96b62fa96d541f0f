package bitalloc.adapters.http.api;

/**
 * The agent's own name for the game session it runs in (it changes after every reload of the game).
 * The implementation maps it to a {@code GameSession}; a new key means pids start over.
 */
public record AgentSessionKey(String value) {
    public AgentSessionKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("session key must not be blank");
        }
    }
}

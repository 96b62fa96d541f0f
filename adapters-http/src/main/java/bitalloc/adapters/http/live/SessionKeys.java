package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.AgentSessionKey;
import bitalloc.domain.process.GameSession;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Turns the agent's session key into a {@link GameSession}, the same one after a restart of bitalloc without any
 * stored mapping. The agent's keys start with the game page's session start in milliseconds (12 hex digits), so
 * a later game session has a higher number, as recovery expects. Any other key is hashed.
 */
final class SessionKeys {

    private static final Pattern TIMESTAMPED = Pattern.compile("^([0-9a-f]{12})[0-9a-f]*$");

    private SessionKeys() {
    }

    static GameSession of(AgentSessionKey key) {
        var timestamped = TIMESTAMPED.matcher(key.value());
        if (timestamped.matches()) {
            return new GameSession(Math.max(1, Long.parseLong(timestamped.group(1), 16)));
        }
        byte[] digest = sha256(key.value());
        return new GameSession(1 + (ByteBuffer.wrap(digest).getLong() >>> 2));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

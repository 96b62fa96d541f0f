package bitalloc.adapters.http.security;

import io.vavr.collection.List;
import java.time.Duration;
import java.util.Set;

/**
 * Which browser origins may call bitalloc. In-game scripts run inside the game's page, so each of their calls is
 * cross-origin; only the listed origins get CORS headers, and a request from any other origin is refused.
 */
public final class CorsPolicy {

    /** The game's web build. */
    public static final String WEB_BUILD = "https://bitburner-official.github.io";
    /**
     * The Steam build: Electron loads the game from a file:// URL, whose origin Chromium serialises as "null".
     * Sandboxed frames on any site send "null" too; the bearer token is what guards state changes from them.
     */
    public static final String STEAM_BUILD = "null";
    public static final List<String> DEFAULT_ORIGINS = List.of(WEB_BUILD, STEAM_BUILD,
            "http://localhost:8000", "http://127.0.0.1:8000");
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";

    private final Set<String> allowed;
    private final Duration maxAge;

    public CorsPolicy(List<String> allowedOrigins, Duration maxAge) {
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("'*' would let any web page call bitalloc; list origins instead");
        }
        this.allowed = allowedOrigins.toJavaSet();
        this.maxAge = maxAge;
    }

    public boolean allows(String origin) {
        return allowed.contains(origin);
    }

    public String allowedMethods() {
        return ALLOWED_METHODS;
    }

    public String allowedHeaders() {
        return ALLOWED_HEADERS;
    }

    public long maxAgeSeconds() {
        return maxAge.toSeconds();
    }
}

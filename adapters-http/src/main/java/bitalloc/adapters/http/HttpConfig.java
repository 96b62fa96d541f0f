package bitalloc.adapters.http;

import bitalloc.adapters.http.security.CorsPolicy;
import io.vavr.collection.List;
import java.time.Duration;

/**
 * How the HTTP API listens. Loopback by default: the service controls a game, and only the player's own browser
 * should reach it.
 *
 * @param host          the address to bind (127.0.0.1 unless the player asks otherwise)
 * @param port          the port; 0 picks a free one (tests)
 * @param allowedOrigins browser origins answered with CORS headers; never "*"
 * @param longestPoll   the longest wait the agent's long poll may ask for
 * @param maxBodyBytes  the largest request body accepted (a 10^5-process scan is about 15 MB)
 */
public record HttpConfig(String host, int port, List<String> allowedOrigins, Duration longestPoll, int maxBodyBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8420;
    public static final Duration DEFAULT_LONGEST_POLL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

    public HttpConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("'*' would let any web page call bitalloc; list origins instead");
        }
    }

    public static HttpConfig defaults() {
        return new HttpConfig(DEFAULT_HOST, DEFAULT_PORT, CorsPolicy.DEFAULT_ORIGINS, DEFAULT_LONGEST_POLL,
                DEFAULT_MAX_BODY_BYTES);
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, allowedOrigins, longestPoll, maxBodyBytes);
    }

    public HttpConfig withAllowedOrigins(List<String> origins) {
        return new HttpConfig(host, port, origins, longestPoll, maxBodyBytes);
    }
}

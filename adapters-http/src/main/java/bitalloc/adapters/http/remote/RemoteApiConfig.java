package bitalloc.adapters.http.remote;

import bitalloc.adapters.http.security.CorsPolicy;
import io.vavr.collection.List;
import java.time.Duration;

/**
 * Where bitalloc waits for the game's Remote API connection (the game is the WebSocket client).
 *
 * @param host           the address to bind; loopback unless the player asks otherwise
 * @param port           the port the player enters in the game's options; 0 picks a free one (tests)
 * @param server         the game server to push to
 * @param replyTimeout   how long to wait for each of the game's answers
 * @param allowedOrigins browser origins allowed to connect (a client without Origin is not a browser page)
 */
public record RemoteApiConfig(String host, int port, String server, Duration replyTimeout,
                              List<String> allowedOrigins) {

    public static final int DEFAULT_PORT = 12525;

    public static RemoteApiConfig defaults() {
        return new RemoteApiConfig("127.0.0.1", DEFAULT_PORT, "home", Duration.ofSeconds(10),
                CorsPolicy.DEFAULT_ORIGINS);
    }

    public RemoteApiConfig withPort(int newPort) {
        return new RemoteApiConfig(host, newPort, server, replyTimeout, allowedOrigins);
    }
}

package bitalloc.adapters.http.remote;

import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.security.CorsPolicy;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the game's Remote API connection (Options → Remote API: host, port, Connect). When the game connects,
 * bitalloc pushes every file of the bundle to home, checks them with getFileNames and asks calculateRam for each
 * script's RAM, then tells the {@link PushListener}. The pushed scripts carry the bearer token, so a page from a
 * foreign origin may not connect.
 */
public final class RemoteApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteApiServer.class);
    /** The game's save file and script bundles are text frames of a few MB at most. */
    private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    @Inject
    public RemoteApiServer(RemoteApiConfig config, ScriptBundle bundle, PushListener listener) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("bitalloc-remote-api");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        CorsPolicy origins = new CorsPolicy(config.allowedOrigins(), Duration.ZERO);
        JsonCodec json = new JsonCodec();
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(Duration.ZERO);
            container.addMapping("/*", (request, response, callback) -> {
                String origin = request.getHeaders().get(HttpHeader.ORIGIN);
                if (origin != null && !origins.allows(origin)) {
                    LOG.warn("refused a Remote API connection from origin {}", origin);
                    Response.writeError(request, response, callback, 403, "origin not allowed");
                    return null;
                }
                return new GameConnection(json.mapper(), bundle, config.server(), config.replyTimeout(), listener);
            });
        }));
        server.setStopTimeout(0);
    }

    public RemoteApiServer start() throws Exception {
        server.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

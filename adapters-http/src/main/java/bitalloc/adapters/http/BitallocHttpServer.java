package bitalloc.adapters.http;

import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.security.CorsPolicy;
import bitalloc.adapters.http.server.ApiHandler;
import bitalloc.adapters.http.server.ApiRoutes;
import bitalloc.adapters.http.server.HttpMetrics;
import bitalloc.adapters.http.server.LongPoll;
import bitalloc.adapters.http.server.Problems;
import jakarta.inject.Inject;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The JSON API under /api/v1 plus /healthz, /metrics and /openapi.json, on plain Jetty 12 (core handlers). */
public final class BitallocHttpServer implements AutoCloseable {

    /** Enough for the agent, its task scripts and a benchmark on two cores; long polls hold no thread. */
    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 4;

    private final HttpConfig config;
    private final Server server;
    private final ServerConnector connector;

    @Inject
    public BitallocHttpServer(HttpConfig config, BitallocApi api, BearerToken token, HttpMetrics metrics) {
        this.config = config;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("bitalloc-http");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        JsonCodec json = new JsonCodec();
        Problems problems = new Problems(json);
        LongPoll longPoll = new LongPoll(api.agent(), server.getScheduler());
        ApiRoutes routes = new ApiRoutes(api, json, problems, longPoll, config.longestPoll(), metrics);
        server.setHandler(new ApiHandler(routes.all(), new CorsPolicy(config.allowedOrigins(),
                CorsPolicy.DEFAULT_MAX_AGE), token, problems, json, metrics, config.maxBodyBytes(), threads));
        server.setStopTimeout(0);
    }

    public BitallocHttpServer start() throws Exception {
        server.start();
        return this;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return config.host();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

package bitalloc.adapters.http;

import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.server.HttpMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/** A server on an ephemeral loopback port over a fresh fake, for one test class. */
final class RunningServer implements AutoCloseable {

    static final Duration LONGEST_POLL = Duration.ofSeconds(10);

    final FakeBitallocApi fake = new FakeBitallocApi();
    final BitallocHttpServer server;
    final TestClient client;

    RunningServer() throws Exception {
        HttpConfig config = HttpConfig.defaults().withPort(0);
        config = new HttpConfig(config.host(), 0, config.allowedOrigins(), LONGEST_POLL, 1024 * 1024);
        server = new BitallocHttpServer(config, fake.api(), BearerToken.of(TestClient.TOKEN),
                new HttpMetrics(new PrometheusRegistry())).start();
        client = new TestClient(server.port());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}

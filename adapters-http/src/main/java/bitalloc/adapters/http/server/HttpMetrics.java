package bitalloc.adapters.http.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request counts per route, method and status, and latency per route and method, in Prometheus text format. */
public final class HttpMetrics {

    /** The label of requests that matched no route, so scanners cannot blow up the label set. */
    public static final String UNMATCHED = "unmatched";

    private final PrometheusRegistry registry;
    private final Counter requests;
    private final Histogram latency;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public HttpMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        this.requests = Counter.builder()
                .name("bitalloc_http_requests_total")
                .help("HTTP requests answered, by route template, method and status")
                .labelNames("route", "method", "status")
                .register(registry);
        this.latency = Histogram.builder()
                .name("bitalloc_http_request_duration_seconds")
                .help("Time from request to answer, by route template and method")
                .labelNames("route", "method")
                .classicOnly()
                .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30)
                .register(registry);
    }

    public void record(String route, String method, int status, long nanos) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route, method).observe(nanos / 1e9);
    }

    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

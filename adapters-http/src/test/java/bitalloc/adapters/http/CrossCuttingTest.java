package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.security.CorsPolicy;
import bitalloc.adapters.http.server.ApiRoutes;
import bitalloc.adapters.http.server.Route;
import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.server.HttpMetrics;
import bitalloc.adapters.http.server.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrossCuttingTest {

    private static RunningServer running;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
        client = running.client;
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    private static TestClient.Reply preflight(String origin) {
        return client.send(client.request("/api/v1/allocations")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void answers_a_preflight_from_each_default_origin() {
        for (String origin : CorsPolicy.DEFAULT_ORIGINS) {
            TestClient.Reply reply = preflight(origin);

            assertEquals(204, reply.status(), reply::toString);
            assertEquals(origin, reply.header("Access-Control-Allow-Origin"));
            assertTrue(reply.header("Access-Control-Allow-Methods").contains("POST"));
            assertTrue(reply.header("Access-Control-Allow-Methods").contains("DELETE"));
            String headers = reply.header("Access-Control-Allow-Headers").toLowerCase(Locale.ROOT);
            assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers);
            assertEquals("600", reply.header("Access-Control-Max-Age"));
            assertEquals("Origin", reply.header("Vary"));
        }
    }

    @Test
    void refuses_a_preflight_from_a_foreign_origin_without_cors_headers() {
        TestClient.Reply reply = preflight("https://evil.example");

        assertEquals(403, reply.status(), reply::toString);
        assertEquals("origin-not-allowed", reply.reason());
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertNull(reply.header("Access-Control-Allow-Methods"));
    }

    @Test
    void refuses_a_real_request_from_a_foreign_origin_even_with_the_token() {
        int before = running.fake.calls();

        TestClient.Reply reply = client.send(client.authorized("/api/v1/allocations")
                .header("Origin", "http://localhost:8001")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AllocationEndpointsTest.allocation("1", 1))));

        assertEquals(403, reply.status(), reply::toString);
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertEquals(before, running.fake.calls());
    }

    @Test
    void grants_private_network_access_when_chromium_asks_for_it() {
        TestClient.Reply reply = client.send(client.request("/api/v1/heartbeats")
                .header("Origin", CorsPolicy.WEB_BUILD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Private-Network", "true")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertEquals("true", reply.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void lets_an_allowed_origin_read_successes_and_errors() {
        TestClient.Reply success = client.send(client.authorized("/api/v1/heartbeats")
                .header("Origin", CorsPolicy.WEB_BUILD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pid\":4,\"filename\":\"t.js\",\"target\":\"n00dles\","
                        + "\"lifecycle\":\"till\"}")));
        TestClient.Reply unauthorized = client.send(client.request("/api/v1/heartbeats")
                .header("Origin", CorsPolicy.STEAM_BUILD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(204, success.status(), success::toString);
        assertEquals(CorsPolicy.WEB_BUILD, success.header("Access-Control-Allow-Origin"));
        assertEquals(401, unauthorized.status(), unauthorized::toString);
        assertEquals("null", unauthorized.header("Access-Control-Allow-Origin"));
    }

    @Test
    void answers_an_unknown_route_with_404_and_a_wrong_method_with_405() {
        TestClient.Reply unknown = client.get("/api/v1/nothing");
        TestClient.Reply wrongMethod = client.send(client.authorized("/api/v1/allocations").GET());

        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("no-such-route", unknown.reason());
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
        assertEquals("POST", wrongMethod.header("Allow"));
    }

    @Test
    void answers_a_badly_encoded_path_as_a_client_mistake() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", running.server.port())) {
            socket.getOutputStream().write(("DELETE /api/v1/registrations/%zz/3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(status.startsWith("HTTP/1.1 4"), status);
        }
    }

    @Test
    void refuses_a_body_larger_than_the_limit_with_413() {
        String huge = "{\"session\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"hosts\":[]}";

        TestClient.Reply reply = client.post("/api/v1/scans", huge);

        assertEquals(413, reply.status(), reply::toString);
    }

    @Test
    void refuses_a_streamed_body_that_grows_past_the_limit_with_413_and_changes_nothing() {
        int before = running.fake.calls();
        String huge = "{\"session\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"hosts\":[]}";

        TestClient.Reply reply = client.send(chunked(huge));

        assertEquals(413, reply.status(), reply::toString);
        assertEquals(before, running.fake.calls());
    }

    @Test
    void reads_a_scan_sent_without_a_declared_length() {
        String scan = "{\"session\":\"s\",\"hosts\":[{\"hostname\":\"home\",\"maxRam\":8,\"usedRam\":0,"
                + "\"cores\":1,\"processes\":[]}]}";

        TestClient.Reply reply = client.send(chunked(scan));

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void answers_a_scan_of_only_white_space_as_an_empty_body() {
        TestClient.Reply reply = client.post("/api/v1/scans", " \n ");

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.body().contains("the body is empty"), reply::toString);
    }

    /** A body of unknown length: the client sends it in chunks, so only the bytes themselves can hit the limit. */
    private static HttpRequest.Builder chunked(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return client.authorized("/api/v1/scans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
    }

    @Test
    void reports_health_status_and_targets_without_a_token() {
        assertEquals("ok", client.get("/healthz").json().get("status").asText());
        JsonNode status = client.get("/api/v1/status").json();
        assertEquals("32.00", status.get("totalFree").decimalValue().toPlainString());
        assertEquals("home", status.get("hosts").get(0).get("kind").asText());
        JsonNode targets = client.get("/api/v1/targets").json().get("targets");
        assertEquals("harvest", targets.get(0).get("lifecycle").asText());
        assertEquals("active", targets.get(0).get("phase").asText());
        assertEquals(7, targets.get(0).get("pid").asLong());
        assertTrue(targets.get(1).path("pid").isMissingNode());
    }

    @Test
    void counts_requests_per_route_and_status_in_prometheus_text() {
        client.get("/healthz");
        client.get("/api/v1/nothing");

        TestClient.Reply metrics = client.get("/metrics");

        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        assertTrue(metrics.body().contains(
                "bitalloc_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"), metrics.body());
        assertTrue(metrics.body().contains(
                "bitalloc_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"), metrics.body());
        assertTrue(metrics.body().contains("bitalloc_http_request_duration_seconds_bucket{method=\"GET\","
                + "route=\"/healthz\",le=\"0.005\"}"), metrics.body());
    }

    @Test
    void describes_every_route_in_the_openapi_document() {
        JsonNode document = client.get("/openapi.json").json();
        JsonCodec json = new JsonCodec();
        List<Route> routes = new ApiRoutes(running.fake.api(), json, new Problems(json), null, Duration.ZERO,
                new HttpMetrics(new PrometheusRegistry())).all().asJava();

        assertEquals("3.0.3", document.get("openapi").asText());
        for (Route route : routes) {
            JsonNode operation = document.get("paths").path(route.path().toString())
                    .path(route.method().toLowerCase(Locale.ROOT));
            assertTrue(operation.isObject(), () -> route.method() + " " + route.path() + " is not documented");
        }
        int documented = 0;
        for (JsonNode path : document.get("paths")) {
            documented += path.size();
        }
        assertEquals(routes.size(), documented, "the document names no route that does not exist");
    }
}

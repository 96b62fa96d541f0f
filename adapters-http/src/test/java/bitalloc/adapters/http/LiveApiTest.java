package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.live.ExecutorScheduler;
import bitalloc.adapters.http.live.LiveModule;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.server.HttpMetrics;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryHistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.application.wiring.ApplicationModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routes over the real use cases (in-memory store, live ports): every outcome of the allocator as the agent and
 * the scripts see it. The network is home (64 GB) and n00dles (16 GB), as the first scan reports them.
 */
class LiveApiTest {

    private static final String OTHER_ID = "00000000-0000-4000-8000-000000000000";

    private Injector injector;
    private BitallocHttpServer server;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        injector = Guice.createInjector(new ApplicationModule(BitallocConfig.defaults()),
                new LiveModule(Duration.ofSeconds(2)), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(StateStore.class).toInstance(store);
                        bind(Transactions.class).toInstance(store);
                        bind(HistoryLog.class).toInstance(new InMemoryHistoryLog());
                    }
                });
        HttpConfig config = new HttpConfig("127.0.0.1", 0, HttpConfig.defaults().allowedOrigins(),
                Duration.ofSeconds(5), 1024 * 1024);
        server = new BitallocHttpServer(config, injector.getInstance(BitallocApi.class),
                BearerToken.of(TestClient.TOKEN), new HttpMetrics(new PrometheusRegistry())).start();
        client = new TestClient(server.port());
        TestClient.Reply scan = client.post("/api/v1/scans", "{\"session\":\"s1\",\"hosts\":["
                + "{\"hostname\":\"home\",\"maxRam\":64,\"usedRam\":0,\"cores\":2,\"processes\":[]},"
                + "{\"hostname\":\"n00dles\",\"maxRam\":16,\"usedRam\":1.6,\"cores\":1,\"processes\":["
                + "{\"pid\":7,\"filename\":\"x.js\",\"threads\":1,\"ramPerThread\":1.6,\"args\":[]}]}],"
                + "\"player\":{\"hackingLevel\":5},\"targets\":[{\"hostname\":\"n00dles\",\"security\":3,"
                + "\"minSecurity\":1,\"money\":70000,\"maxMoney\":1750000,\"requiredHackingLevel\":1,\"growth\":3000}]}");
        assertEquals(200, scan.status(), scan::toString);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        injector.getInstance(ExecutorScheduler.class).close();
    }

    private TestClient.Reply allocate(String chunkSize, int chunks, boolean shrinkable) {
        return client.post("/api/v1/allocations", "{\"requester\":{\"pid\":7,\"hostname\":\"n00dles\"},"
                + "\"filename\":\"w.js\",\"chunkSize\":" + chunkSize + ",\"numChunks\":" + chunks
                + ",\"shrinkable\":" + shrinkable + "}");
    }

    @Test
    void a_scan_answers_each_hosts_effective_free_ram_and_the_status_and_targets_show_it() {
        JsonNode status = client.get("/api/v1/status").json();
        assertEquals(2, status.get("hosts").size());
        assertTrue(status.get("totalFree").decimalValue().signum() > 0);
        JsonNode target = client.get("/api/v1/targets").json().get("targets").get(0);
        assertEquals("n00dles", target.get("target").asText());
        assertEquals("pending", target.get("phase").asText());
    }

    @Test
    void a_grant_is_201_with_the_tag_children_carry_and_a_claim_with_that_tag_is_accepted_once() {
        TestClient.Reply granted = allocate("2", 3, false);
        assertEquals(201, granted.status(), granted::toString);
        String id = granted.json().get("allocationId").asText();
        String tag = granted.json().get("tag").asText();
        assertEquals("--allocId=" + id, tag);
        String host = granted.json().get("hosts").get(0).get("hostname").asText();
        int chunks = granted.json().get("hosts").get(0).get("numChunks").asInt();

        String claim = "{\"tag\":\"" + tag + "\",\"pid\":50,\"hostname\":\"" + host + "\",\"numChunks\":" + chunks + "}";
        TestClient.Reply first = client.post("/api/v1/allocations/" + id + "/claims", claim);
        TestClient.Reply again = client.post("/api/v1/allocations/" + id + "/claims", claim);

        assertEquals(201, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertFalse(again.json().get("changed").asBoolean());
    }

    @Test
    void refusals_are_409_with_their_reason_and_numbers() {
        TestClient.Reply tooBig = allocate("1000", 1, false);
        TestClient.Reply tooMuch = allocate("8", 20, false);

        assertEquals(409, tooBig.status(), tooBig::toString);
        assertEquals("chunk-larger-than-any-host", tooBig.reason());
        assertEquals(0, new java.math.BigDecimal("1000").compareTo(tooBig.json().get("chunkSize").decimalValue()));
        assertEquals(409, tooMuch.status(), tooMuch::toString);
        assertEquals("not-enough-free", tooMuch.reason());
        assertEquals(160, tooMuch.json().get("requested").asInt());
        assertTrue(tooMuch.json().get("available").decimalValue().signum() > 0);
    }

    @Test
    void a_forged_or_foreign_tag_on_a_claim_is_409_and_claims_nothing() {
        String id = allocate("2", 1, false).json().get("allocationId").asText();

        TestClient.Reply foreign = client.post("/api/v1/allocations/" + id + "/claims",
                "{\"tag\":\"--allocId=" + OTHER_ID + "\",\"pid\":50,\"hostname\":\"home\",\"numChunks\":1}");
        TestClient.Reply garbage = client.post("/api/v1/allocations/" + id + "/claims",
                "{\"tag\":\"not-a-tag\",\"pid\":50,\"hostname\":\"home\",\"numChunks\":1}");

        assertEquals(409, foreign.status(), foreign::toString);
        assertEquals("forged-tag", foreign.reason());
        assertEquals(409, garbage.status(), garbage::toString);
        assertEquals("forged-tag", garbage.reason());
        TestClient.Reply release = client.delete("/api/v1/allocations/" + id + "/claims/50");
        assertFalse(release.json().get("changed").asBoolean(), "no claim was made");
    }

    @Test
    void a_claim_beyond_the_grant_or_on_an_unknown_allocation_is_refused_without_a_trace() {
        TestClient.Reply granted = allocate("2", 1, false);
        String id = granted.json().get("allocationId").asText();
        String host = granted.json().get("hosts").get(0).get("hostname").asText();

        TestClient.Reply beyond = client.post("/api/v1/allocations/" + id + "/claims",
                "{\"tag\":\"" + id + "\",\"pid\":50,\"hostname\":\"" + host + "\",\"numChunks\":2}");
        TestClient.Reply unknown = client.post("/api/v1/allocations/" + OTHER_ID + "/claims",
                "{\"tag\":\"" + OTHER_ID + "\",\"pid\":50,\"hostname\":\"home\",\"numChunks\":1}");

        assertEquals(409, beyond.status(), beyond::toString);
        assertEquals("claim-exceeds-grant", beyond.reason());
        assertEquals(1, beyond.json().get("unclaimedChunks").asInt());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("unknown-allocation", unknown.reason());
    }

    @Test
    void releasing_twice_is_200_changed_false_and_an_unknown_allocation_is_404() {
        String id = allocate("2", 2, false).json().get("allocationId").asText();

        TestClient.Reply tooMany = client.post("/api/v1/allocations/" + id + "/release-chunks", "{\"numChunks\":3}");
        TestClient.Reply some = client.post("/api/v1/allocations/" + id + "/release-chunks", "{\"numChunks\":1}");
        TestClient.Reply first = client.delete("/api/v1/allocations/" + id);
        TestClient.Reply second = client.delete("/api/v1/allocations/" + id);
        TestClient.Reply unknown = client.delete("/api/v1/allocations/" + OTHER_ID);

        assertEquals(409, tooMany.status(), tooMany::toString);
        assertEquals("release-exceeds-grant", tooMany.reason());
        assertEquals(200, some.status(), some::toString);
        assertEquals(2.0, some.json().get("freed").asDouble());
        assertEquals(200, first.status(), first::toString);
        assertTrue(first.json().get("changed").asBoolean());
        assertEquals(2.0, first.json().get("freed").asDouble());
        assertEquals(200, second.status(), second::toString);
        assertFalse(second.json().get("changed").asBoolean());
        assertEquals(404, unknown.status(), unknown::toString);
    }

    @Test
    void a_registration_is_201_then_200_and_unregistering_twice_changes_nothing_the_second_time() {
        String body = "{\"hostname\":\"home\",\"pid\":3,\"filename\":\"bitalloc/agent.js\",\"ram\":4.9}";
        assertEquals(201, client.post("/api/v1/registrations", body).status());
        assertEquals(200, client.post("/api/v1/registrations", body).status());
        assertTrue(client.delete("/api/v1/registrations/home/3").json().get("changed").asBoolean());
        TestClient.Reply again = client.delete("/api/v1/registrations/home/3");
        assertEquals(200, again.status(), again::toString);
        assertFalse(again.json().get("changed").asBoolean());
    }

    @Test
    void heartbeats_and_task_ends_are_recorded() {
        assertEquals(204, client.post("/api/v1/heartbeats", "{\"pid\":9,\"filename\":\"bitalloc/till.js\","
                + "\"target\":\"n00dles\",\"lifecycle\":\"till\"}").status());
        assertEquals(204, client.post("/api/v1/tasks/finished", "{\"pid\":9,\"filename\":\"bitalloc/till.js\","
                + "\"target\":\"n00dles\",\"lifecycle\":\"till\",\"outcome\":\"error\",\"detail\":\"boom\"}").status());
    }
}

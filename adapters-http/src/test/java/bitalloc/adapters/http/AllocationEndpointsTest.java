package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.AllocationId;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationEndpointsTest extends ServerPerTest {

    static String allocation(String chunkSize, int numChunks) {
        return "{\"requester\":{\"pid\":12,\"hostname\":\"home\"},\"filename\":\"bitalloc/hack.js\","
                + "\"chunkSize\":" + chunkSize + ",\"numChunks\":" + numChunks + ",\"shrinkable\":false}";
    }

    private JsonNode allocate(String chunkSize, int numChunks) {
        TestClient.Reply reply = client.post("/api/v1/allocations", allocation(chunkSize, numChunks));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static String claim(JsonNode granted, int chunks) {
        return "{\"pid\":77,\"hostname\":\"home\",\"numChunks\":" + chunks + ",\"tag\":\""
                + granted.get("tag").asText() + "\"}";
    }

    @Test
    void grants_an_allocation_with_its_id_tag_and_hosts() {
        TestClient.Reply reply = client.post("/api/v1/allocations", allocation("1.75", 4));

        assertEquals(201, reply.status(), reply::toString);
        JsonNode body = reply.json();
        String id = body.get("allocationId").asText();
        AllocationId.parse(id);
        assertEquals(id + ".ok", body.get("tag").asText());
        assertEquals("/api/v1/allocations/" + id, reply.header("Location"));
        JsonNode host = body.get("hosts").get(0);
        assertEquals("home", host.get("hostname").asText());
        assertEquals("1.75", host.get("chunkSize").decimalValue().toPlainString());
        assertEquals(4, host.get("numChunks").asInt());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void refuses_more_than_is_free_with_the_numbers() {
        TestClient.Reply reply = client.post("/api/v1/allocations", allocation("8", 5));

        assertEquals(409, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        JsonNode problem = reply.json();
        assertEquals("urn:bitalloc:problem:not-enough-free", problem.get("type").asText());
        assertEquals("not-enough-free", problem.get("reason").asText());
        assertEquals(409, problem.get("status").asInt());
        assertEquals(0, problem.get("requested").decimalValue().compareTo(new java.math.BigDecimal("40")));
        assertEquals(0, problem.get("available").decimalValue().compareTo(new java.math.BigDecimal("32")));
    }

    @Test
    void refuses_a_chunk_larger_than_any_host() {
        TestClient.Reply reply = client.post("/api/v1/allocations", allocation("128", 1));

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("chunk-larger-than-any-host", reply.reason());
        assertEquals("64.00", reply.json().get("largestHost").decimalValue().toPlainString());
    }

    @Test
    void refuses_when_nothing_is_free() {
        running.fake.setFree(bitalloc.domain.ram.Ram.ZERO);

        TestClient.Reply reply = client.post("/api/v1/allocations", allocation("1.6", 1));

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("nothing-free", reply.reason());
    }

    @Test
    void lists_every_problem_of_a_bad_allocation_request_at_once_and_calls_nothing() {
        String body = "{\"requester\":{\"pid\":-3,\"hostname\":\"\"},\"filename\":7,\"chunkSize\":1.755,"
                + "\"numChunks\":\"4\",\"contiguous\":\"yes\",\"chunksize\":1}";

        TestClient.Reply reply = client.post("/api/v1/allocations", body);

        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid-request", reply.reason());
        List<String> pointers = new ArrayList<>();
        reply.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertEquals(List.of("/requester/pid", "/requester/hostname", "/filename", "/chunkSize", "/numChunks",
                "/contiguous", "/chunksize"), pointers);
        assertEquals(0, running.fake.calls());
    }

    @Test
    void refuses_negative_absurd_and_over_precise_ram() {
        for (String ram : List.of("-1", "-0.01", "0", "1073741824.01", "1e12", "0.001", "1.7000000000000002",
                "\"8\"", "true", "null")) {
            TestClient.Reply reply = client.post("/api/v1/allocations", allocation(ram, 1));
            assertEquals(400, reply.status(), () -> ram + " -> " + reply);
            assertEquals("/chunkSize", reply.json().get("errors").get(0).get("pointer").asText(), ram);
        }
        assertEquals(0, running.fake.calls());
    }

    @Test
    void accepts_ram_written_in_any_exact_decimal_form() {
        for (String ram : List.of("1.70", "1.7", "2", "2.00", "1.5e0", "0.25")) {
            TestClient.Reply reply = client.post("/api/v1/allocations", allocation(ram, 1));
            assertEquals(201, reply.status(), () -> ram + " -> " + reply);
        }
    }

    @Test
    void answers_malformed_json_with_400() {
        for (String body : List.of("{", "{\"a\":1}}", "", "[1,2", "{\"numChunks\":1,\"numChunks\":2}")) {
            TestClient.Reply reply = client.post("/api/v1/allocations", body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertTrue(List.of("malformed-json", "invalid-request").contains(reply.reason()), reply::toString);
        }
        assertEquals("invalid-request", client.post("/api/v1/allocations", "[]").reason());
        assertEquals(0, running.fake.calls());
    }

    @Test
    void refuses_a_body_that_is_not_json_with_415() {
        TestClient.Reply reply = client.send(client.authorized("/api/v1/allocations")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(allocation("1", 1))));

        assertEquals(415, reply.status(), reply::toString);
        assertEquals("unsupported-media-type", reply.reason());
        assertEquals(0, running.fake.calls());
    }

    @Test
    void refuses_a_missing_or_wrong_token_with_401_and_changes_nothing() {
        TestClient.Reply missing = client.send(client.request("/api/v1/allocations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(allocation("1", 1))));
        TestClient.Reply wrong = client.send(client.request("/api/v1/allocations")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestClient.TOKEN + "x")
                .POST(HttpRequest.BodyPublishers.ofString(allocation("1", 1))));
        TestClient.Reply wrongScheme = client.send(client.request("/api/v1/allocations")
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + TestClient.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(allocation("1", 1))));

        for (TestClient.Reply reply : List.of(missing, wrong, wrongScheme)) {
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("missing-or-wrong-token", reply.reason());
            assertEquals("Bearer realm=\"bitalloc\"", reply.header("WWW-Authenticate"));
        }
        assertEquals(0, running.fake.calls());
    }

    @Test
    void claims_part_of_a_grant_then_says_a_repeat_changed_nothing() {
        JsonNode granted = allocate("2", 4);
        String path = "/api/v1/allocations/" + granted.get("allocationId").asText() + "/claims";

        TestClient.Reply first = client.post(path, claim(granted, 3));
        TestClient.Reply again = client.post(path, claim(granted, 3));

        assertEquals(201, first.status(), first::toString);
        assertTrue(first.json().get("changed").asBoolean());
        assertEquals(77, first.json().get("pid").asLong());
        assertEquals(200, again.status(), again::toString);
        assertEquals(false, again.json().get("changed").asBoolean());
    }

    @Test
    void refuses_a_forged_tag() {
        JsonNode granted = allocate("2", 4);
        String path = "/api/v1/allocations/" + granted.get("allocationId").asText() + "/claims";

        TestClient.Reply reply = client.post(path,
                "{\"pid\":77,\"hostname\":\"home\",\"numChunks\":1,\"tag\":\"" + granted.get("allocationId").asText()
                        + ".forged\"}");

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("forged-tag", reply.reason());
    }

    @Test
    void refuses_a_claim_beyond_the_grant() {
        JsonNode granted = allocate("2", 4);
        String path = "/api/v1/allocations/" + granted.get("allocationId").asText() + "/claims";

        TestClient.Reply reply = client.post(path, claim(granted, 5));

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("claim-exceeds-grant", reply.reason());
        assertEquals(5, reply.json().get("requestedChunks").asInt());
        assertEquals(4, reply.json().get("unclaimedChunks").asInt());
        assertEquals("home", reply.json().get("hostname").asText());
    }

    @Test
    void answers_404_for_an_unknown_allocation_and_400_for_a_malformed_id() {
        String unknown = "/api/v1/allocations/00000000-0000-0000-0000-000000000001";

        TestClient.Reply claim = client.post(unknown + "/claims",
                "{\"pid\":77,\"hostname\":\"home\",\"numChunks\":1,\"tag\":\"x\"}");
        TestClient.Reply release = client.delete(unknown);
        TestClient.Reply chunks = client.post(unknown + "/release-chunks", "{\"numChunks\":1}");
        TestClient.Reply malformed = client.post("/api/v1/allocations/not-a-uuid/claims",
                "{\"pid\":0,\"hostname\":\"home\",\"numChunks\":1,\"tag\":\"x\"}");

        for (TestClient.Reply reply : List.of(claim, release, chunks)) {
            assertEquals(404, reply.status(), reply::toString);
            assertEquals("unknown-allocation", reply.reason());
        }
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals(2, malformed.json().get("errors").size(), "the path's and the body's problems together");
    }

    @Test
    void releases_a_claim_once_then_answers_404() {
        JsonNode granted = allocate("2", 4);
        String base = "/api/v1/allocations/" + granted.get("allocationId").asText() + "/claims";
        client.post(base, claim(granted, 2));

        TestClient.Reply first = client.delete(base + "/77");
        TestClient.Reply second = client.delete(base + "/77");
        TestClient.Reply badPid = client.delete(base + "/-1");

        assertEquals(200, first.status(), first::toString);
        assertTrue(first.json().get("changed").asBoolean());
        assertEquals(404, second.status(), second::toString);
        assertEquals("unknown-claim", second.reason());
        assertEquals(400, badPid.status(), badPid::toString);
    }

    @Test
    void releases_some_chunks_and_refuses_more_than_are_held() {
        JsonNode granted = allocate("1.5", 4);
        String path = "/api/v1/allocations/" + granted.get("allocationId").asText() + "/release-chunks";

        TestClient.Reply some = client.post(path, "{\"numChunks\":3,\"hostname\":\"home\"}");
        TestClient.Reply tooMany = client.post(path, "{\"numChunks\":2}");
        TestClient.Reply zero = client.post(path, "{\"numChunks\":0}");

        assertEquals(200, some.status(), some::toString);
        assertEquals("4.50", some.json().get("freed").decimalValue().toPlainString());
        assertEquals(409, tooMany.status(), tooMany::toString);
        assertEquals("release-exceeds-grant", tooMany.reason());
        assertEquals(1, tooMany.json().get("heldChunks").asInt());
        assertEquals(400, zero.status(), zero::toString);
    }

    @Test
    void releases_a_whole_allocation_once_and_says_so_when_repeated() {
        JsonNode granted = allocate("2", 4);
        String path = "/api/v1/allocations/" + granted.get("allocationId").asText();

        TestClient.Reply first = client.delete(path);
        TestClient.Reply second = client.delete(path);

        assertEquals(200, first.status(), first::toString);
        assertEquals("8.00", first.json().get("freed").decimalValue().toPlainString());
        assertEquals(200, second.status(), second::toString);
        assertEquals(false, second.json().get("changed").asBoolean());
    }
}

package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.Commands;
import bitalloc.domain.selection.Lifecycle;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationAndTaskEndpointsTest extends ServerPerTest {

    private static final String AGENT = "{\"hostname\":\"home\",\"pid\":3,\"filename\":\"bitalloc/agent.js\",\"ram\":2.45}";

    @Test
    void registers_a_core_service_and_says_a_repeat_changed_nothing() {
        TestClient.Reply first = client.post("/api/v1/registrations", AGENT);
        TestClient.Reply again = client.post("/api/v1/registrations", AGENT);

        assertEquals(201, first.status(), first::toString);
        assertEquals("home", first.json().get("hostname").asText());
        assertTrue(first.json().get("changed").asBoolean());
        assertEquals(200, again.status(), again::toString);
    }

    @Test
    void refuses_a_conflicting_registration() {
        client.post("/api/v1/registrations", AGENT);

        TestClient.Reply reply = client.post("/api/v1/registrations", AGENT.replace("2.45", "3"));

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("conflicting-registration", reply.reason());
    }

    @Test
    void lists_every_problem_of_a_bad_registration() {
        TestClient.Reply reply = client.post("/api/v1/registrations",
                "{\"hostname\":null,\"pid\":1.5,\"filename\":\"/abs.js\",\"ram\":-2}");

        assertEquals(400, reply.status(), reply::toString);
        assertEquals(4, reply.json().get("errors").size(), reply::toString);
        assertEquals(0, running.fake.calls());
    }

    @Test
    void unregisters_once_then_answers_404() {
        client.post("/api/v1/registrations", AGENT);

        TestClient.Reply first = client.delete("/api/v1/registrations/home/3");
        TestClient.Reply second = client.delete("/api/v1/registrations/home/3");

        assertEquals(200, first.status(), first::toString);
        assertEquals("2.45", first.json().get("freed").decimalValue().toPlainString());
        assertEquals(404, second.status(), second::toString);
        assertEquals("unknown-registration", second.reason());
    }

    @Test
    void decodes_a_host_name_with_spaces_from_the_path() {
        client.post("/api/v1/registrations", AGENT.replace("\"home\"", "\"my server\""));

        TestClient.Reply reply = client.delete("/api/v1/registrations/my%20server/3");

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void records_a_heartbeat() {
        TestClient.Reply reply = client.post("/api/v1/heartbeats",
                "{\"pid\":40,\"filename\":\"bitalloc/harvest.js\",\"target\":\"n00dles\",\"lifecycle\":\"harvest\"}");

        assertEquals(204, reply.status(), reply::toString);
        Commands.Heartbeat heartbeat = (Commands.Heartbeat) running.fake.recorded().get(0);
        assertEquals(Lifecycle.HARVEST, heartbeat.lifecycle());
        assertEquals("n00dles", heartbeat.target().value());
    }

    @Test
    void refuses_a_heartbeat_with_an_unknown_lifecycle_or_without_token() {
        TestClient.Reply bad = client.post("/api/v1/heartbeats",
                "{\"pid\":40,\"filename\":\"bitalloc/harvest.js\",\"target\":\"n00dles\",\"lifecycle\":\"reap\"}");
        TestClient.Reply anonymous = client.send(client.request("/api/v1/heartbeats")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.json().get("errors").get(0).get("detail").asText().contains("[till, sow, harvest]"));
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals(0, running.fake.calls());
    }

    @Test
    void records_a_finished_task_with_its_outcome_and_detail() {
        TestClient.Reply reply = client.post("/api/v1/tasks/finished", "{\"pid\":40,\"filename\":\"bitalloc/sow.js\","
                + "\"target\":\"n00dles\",\"lifecycle\":\"sow\",\"outcome\":\"helpers-refused\","
                + "\"detail\":\"HTTP 409: nothing-free\"}");

        assertEquals(204, reply.status(), reply::toString);
        Commands.TaskFinished finished = (Commands.TaskFinished) running.fake.recorded().get(0);
        assertEquals(Commands.TaskOutcome.HELPERS_REFUSED, finished.outcome());
        assertEquals(io.vavr.control.Option.some("HTTP 409: nothing-free"), finished.detail());
    }

    @Test
    void records_a_finished_task_whose_detail_is_null() {
        TestClient.Reply reply = client.post("/api/v1/tasks/finished", "{\"pid\":40,\"filename\":\"bitalloc/till.js\","
                + "\"target\":\"n00dles\",\"lifecycle\":\"till\",\"outcome\":\"completed\",\"detail\":null}");

        assertEquals(204, reply.status(), reply::toString);
        Commands.TaskFinished finished = (Commands.TaskFinished) running.fake.recorded().get(0);
        assertEquals(Commands.TaskOutcome.COMPLETED, finished.outcome());
        assertTrue(finished.detail().isEmpty());
    }

    @Test
    void refuses_a_finished_task_missing_its_fields() {
        TestClient.Reply reply = client.post("/api/v1/tasks/finished", "{\"pid\":40}");

        assertEquals(400, reply.status(), reply::toString);
        List<String> pointers = new java.util.ArrayList<>();
        reply.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertEquals(List.of("/filename", "/target", "/lifecycle", "/outcome"), pointers);
    }
}

package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bitalloc.adapters.http.api.AgentCommand;
import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentEndpointsTest extends ServerPerTest {

    private static AgentCommand.Launch launch(long id) {
        return new AgentCommand.Launch(new CommandId(id), HostName.of("pserv-1"), new ScriptPath("bitalloc/sow.js"),
                1, List.of("--allocId=abc", "n00dles"));
    }

    private TestClient.Reply poll(String query) {
        return client.send(client.authorized("/api/v1/agent/commands" + query).GET());
    }

    @Test
    void hands_out_queued_commands_at_once() {
        running.fake.queue(launch(1));
        running.fake.queue(new AgentCommand.Kill(new CommandId(2), Pid.of(99)));

        TestClient.Reply reply = poll("?wait=10000");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode commands = reply.json().get("commands");
        assertEquals("launch", commands.get(0).get("type").asText());
        assertEquals("pserv-1", commands.get(0).get("hostname").asText());
        assertEquals("--allocId=abc", commands.get(0).get("args").get(0).asText());
        assertEquals("kill", commands.get(1).get("type").asText());
        assertEquals(99, commands.get(1).get("pid").asLong());
        assertFalse(commands.get(1).has("hostname"));
        assertEquals(0, poll("").json().get("commands").size(), "handed out once");
    }

    @Test
    void waits_until_a_command_is_queued_without_holding_a_thread() throws Exception {
        CompletableFuture<Void> subscribed = running.fake.nextSubscription();
        CompletableFuture<TestClient.Reply> waiting = client.sendAsync(client.authorized(
                "/api/v1/agent/commands?wait=10000").GET());
        subscribed.get(10, TimeUnit.SECONDS);
        assertFalse(waiting.isDone());

        running.fake.queue(launch(5));

        TestClient.Reply reply = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(5, reply.json().get("commands").get(0).get("id").asLong());
    }

    @Test
    void answers_an_empty_list_when_the_wait_ends_and_withdraws_its_listener() {
        TestClient.Reply reply = poll("?wait=30");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.json().get("commands").size());
        assertEquals(0, running.fake.waitingListeners());
    }

    @Test
    void refuses_a_bad_wait_and_a_poll_without_token() {
        for (String query : List.of("?wait=-1", "?wait=abc", "?wait=10001", "?wait=1e3")) {
            TestClient.Reply reply = poll(query);
            assertEquals(400, reply.status(), () -> query + " -> " + reply);
            assertEquals("query:wait", reply.json().get("errors").get(0).get("pointer").asText());
        }
        assertEquals(401, client.get("/api/v1/agent/commands").status());
    }

    @Test
    void records_a_command_result_once() {
        running.fake.queue(launch(7));
        poll("");

        TestClient.Reply first = client.post("/api/v1/agent/commands/7/result", "{\"pid\":1234}");
        TestClient.Reply again = client.post("/api/v1/agent/commands/7/result", "{\"pid\":1234}");

        assertEquals(204, first.status(), first::toString);
        assertEquals(409, again.status(), again::toString);
        assertEquals("result-already-reported", again.reason());
    }

    @Test
    void records_a_failed_command_with_its_reason() {
        running.fake.queue(launch(8));
        poll("");

        TestClient.Reply reply = client.post("/api/v1/agent/commands/8/result",
                "{\"failure\":\"not-enough-ram\",\"detail\":\"exec returned 0\"}");

        assertEquals(204, reply.status(), reply::toString);
    }

    @Test
    void answers_404_for_a_result_of_an_unknown_command() {
        TestClient.Reply reply = client.post("/api/v1/agent/commands/404/result", "{\"pid\":1}");

        assertEquals(404, reply.status(), reply::toString);
        assertEquals("unknown-command", reply.reason());
    }

    @Test
    void refuses_a_result_with_both_or_neither_pid_and_failure() {
        TestClient.Reply both = client.post("/api/v1/agent/commands/1/result",
                "{\"pid\":1,\"failure\":\"no-root\"}");
        TestClient.Reply neither = client.post("/api/v1/agent/commands/1/result", "{}");
        TestClient.Reply badId = client.post("/api/v1/agent/commands/0/result", "{\"failure\":\"boom\"}");

        assertEquals(400, both.status(), both::toString);
        assertEquals(400, neither.status(), neither::toString);
        assertEquals(400, badId.status(), badId::toString);
        assertEquals(2, badId.json().get("errors").size(), badId::toString);
        assertEquals(0, running.fake.calls());
    }
}

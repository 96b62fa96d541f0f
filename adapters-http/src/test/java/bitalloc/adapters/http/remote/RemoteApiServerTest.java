package bitalloc.adapters.http.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bitalloc.adapters.http.security.CorsPolicy;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteApiServerTest {

    private static final ScriptBundle BUNDLE = new ScriptBundle(List.of(
            new ScriptFile("bitalloc/agent.js", "export async function main(ns) { /* agent */ }"),
            new ScriptFile("bitalloc/launch.js", "export async function main(ns) { /* launch */ }"),
            new ScriptFile("bitalloc/connection.json", "{\"port\":8420}")));

    private static PushReport connectAndWait(ScriptBundle bundle, FakeGame game) throws Exception {
        CompletableFuture<PushReport> report = new CompletableFuture<>();
        try (RemoteApiServer server = new RemoteApiServer(RemoteApiConfig.defaults().withPort(0), bundle,
                report::complete).start()) {
            WebSocket socket = game.connect(server.port(), CorsPolicy.WEB_BUILD).get(10, TimeUnit.SECONDS);
            PushReport result = report.get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            return result;
        }
    }

    @Test
    void pushes_every_file_to_home_checks_them_and_reports_each_scripts_ram() throws Exception {
        FakeGame game = new FakeGame(Map.of("bitalloc/agent.js", 2.45, "bitalloc/launch.js", 1.7));

        PushReport report = connectAndWait(BUNDLE, game);

        assertEquals(new PushReport.Installed("home", List.of(
                new PushReport.ScriptRam("bitalloc/agent.js", Ram.ofHundredths(245)),
                new PushReport.ScriptRam("bitalloc/launch.js", Ram.ofHundredths(170)))), report);
        assertEquals(BUNDLE.files().head().content(), game.home.get("bitalloc/agent.js"));
        assertEquals(3, game.home.size());
    }

    @Test
    void reports_the_games_own_error_when_a_push_is_refused() throws Exception {
        ScriptBundle bad = new ScriptBundle(List.of(new ScriptFile("bitalloc/../x.js", "")));

        PushReport report = connectAndWait(bad, new FakeGame(Map.of()));

        assertEquals(new PushReport.Failed("pushFile", "bitalloc/../x.js", "Invalid file path"), report);
    }

    @Test
    void refuses_a_connection_from_a_foreign_origin() {
        CompletableFuture<PushReport> report = new CompletableFuture<>();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> {
            try (RemoteApiServer server = new RemoteApiServer(RemoteApiConfig.defaults().withPort(0), BUNDLE,
                    report::complete).start()) {
                new FakeGame(Map.of()).connect(server.port(), "https://evil.example").get(10, TimeUnit.SECONDS);
            }
        });

        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        assertFalse(report.isDone());
    }

    @Test
    void refuses_files_the_game_would_refuse() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptFile("/bitalloc/agent.js", ""));
        assertThrows(IllegalArgumentException.class, () -> new ScriptFile("bitalloc/agent.exe", ""));
    }
}

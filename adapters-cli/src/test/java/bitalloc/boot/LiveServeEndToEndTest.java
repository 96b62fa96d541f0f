package bitalloc.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.cli.BitallocCli;
import bitalloc.ingame.IngameScripts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bitalloc serve} on free ports with an in-memory store, driven as the player's game would: a Remote API
 * client that answers like the game installs the scripts, and node's test runner runs the shipped agent, probe and
 * till.js against the real API (ingame-scripts/src/test/e2e/live.e2e.mjs).
 */
class LiveServeEndToEndTest {

    private static final Path INGAME_SCRIPTS = Path.of("..", "ingame-scripts");
    private static final Pattern API_URL = Pattern.compile("serves the live game at (http://\\S+)/api/v1");
    private static final Pattern REMOTE_PORT = Pattern.compile("Remote API: hostname \\S+, port (\\d+), Connect");

    @TempDir
    Path home;

    private final Output output = new Output();
    private Thread serve;
    private int exitCode = -1;

    @BeforeEach
    void start_bitalloc_serve() throws InterruptedException {
        Map<String, String> environment = Map.of("BITALLOC_HOME", home.toString());
        var cli = BitallocCli.commandLine(new StoreBoot(environment::get), new Simulations(environment::get),
                new LiveGame(environment::get), Clock.systemUTC());
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        serve = new Thread(() -> exitCode = cli.execute("serve", "--port", "0", "--remote-api-port", "0", "--db",
                "mem", "--tick", "100ms", "--launch-timeout", "5s", "--heartbeat-timeout", "5s"), "serve");
        serve.start();
        assertTrue(output.started.await(30, TimeUnit.SECONDS), output::toString);
    }

    @AfterEach
    void stop_it() throws InterruptedException {
        serve.interrupt();
        serve.join(10_000);
        assertEquals(0, exitCode, output::toString);
    }

    @Test
    void the_scripts_installed_through_the_remote_api_carry_the_url_and_the_token() throws Exception {
        URI api = URI.create(find(API_URL));
        String token = Files.readString(home.resolve("token")).trim();
        GameSide game = new GameSide();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + find(REMOTE_PORT) + "/"), game).join();

        assertTrue(output.pushed.await(30, TimeUnit.SECONDS), output::toString);
        assertEquals(IngameScripts.GAME_FILE_NAMES.size(), game.files.size());
        String config = game.files.get(IngameScripts.CONFIG_FILE);
        assertTrue(config.contains("\"" + api + "\""), config);
        assertTrue(config.contains("\"" + token + "\""), "config.js carries the token");
        assertTrue(output.toString().contains("run bitalloc/agent.js"), output::toString);
        assertTrue(Files.readString(home.resolve("ingame").resolve(IngameScripts.CONFIG_FILE)).contains(token),
                "the scripts for a manual install carry the token too");
    }

    @Test
    void the_shipped_agent_and_task_run_against_it_with_node() throws Exception {
        Assumptions.assumeTrue(nodeRuns(), "node is not on the PATH");
        ProcessBuilder node = new ProcessBuilder("node", "--import", "./src/test/js/support/register-game-paths.mjs",
                "--test", "--test-reporter=spec", "src/test/e2e/live.e2e.mjs")
                .directory(INGAME_SCRIPTS.toFile())
                .redirectErrorStream(true);
        node.environment().put("BITALLOC_URL", find(API_URL));
        node.environment().put("BITALLOC_TOKEN", Files.readString(home.resolve("token")).trim());
        Process run = node.start();
        boolean ended = run.waitFor(120, TimeUnit.SECONDS);
        String report = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(report);
        assertTrue(ended, "node did not finish:\n" + report);
        assertEquals(0, run.exitValue(), report + "\nbitalloc said:\n" + output);
        assertTrue(report.contains("pass 1"), report);
    }

    private String find(Pattern pattern) {
        Matcher found = pattern.matcher(output.toString());
        assertTrue(found.find(), output::toString);
        return found.group(1);
    }

    private static boolean nodeRuns() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** What serve prints, with latches for the lines the tests wait for. */
    private static final class Output extends Writer {
        private final StringBuffer text = new StringBuffer();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch pushed = new CountDownLatch(1);

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            if (text.indexOf("Stop with Ctrl-C") >= 0) {
                started.countDown();
            }
            if (text.indexOf("The game connected") >= 0) {
                pushed.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The game's side of the Remote API: keeps pushed files, lists them, and tells each script's stated RAM. */
    private static final class GameSide implements WebSocket.Listener {
        private final ObjectMapper json = new ObjectMapper();
        final Map<String, String> files = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                answer(socket, partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void answer(WebSocket socket, String text) {
            try {
                JsonNode request = json.readTree(text);
                JsonNode params = request.get("params");
                ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0").put("id", request.get("id").asLong());
                switch (request.get("method").asText()) {
                    case "pushFile" -> {
                        files.put(params.get("filename").asText(), params.get("content").asText());
                        reply.put("result", "OK");
                    }
                    case "getFileNames" -> reply.set("result", json.valueToTree(files.keySet()));
                    case "calculateRam" -> reply.put("result", Double.parseDouble(IngameScripts
                            .documentedRam(params.get("filename").asText()).orElse("1.60")));
                    default -> reply.put("error", "Unknown message received");
                }
                socket.sendText(json.writeValueAsString(reply), true).join();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

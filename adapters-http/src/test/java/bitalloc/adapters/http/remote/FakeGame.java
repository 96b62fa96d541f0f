package bitalloc.adapters.http.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The game's side of the Remote API, as Bitburner 2.8 speaks it: it connects as the WebSocket client and answers
 * pushFile ("OK"), getFileNames (string[]) and calculateRam (a 2-decimal number) with the request's id, errors as
 * plain strings.
 */
final class FakeGame implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Files on "home", by path. */
    final Map<String, String> home = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, Double> ramByFile;

    FakeGame(Map<String, Double> ramByFile) {
        this.ramByFile = ramByFile;
    }

    CompletableFuture<WebSocket> connect(int port, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port), this);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            socket.sendText(answer(message), true);
        }
        socket.request(1);
        return null;
    }

    private String answer(String message) {
        try {
            JsonNode request = JSON.readTree(message);
            ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
            reply.set("id", request.get("id"));
            JsonNode params = request.path("params");
            String filename = params.path("filename").asText();
            if (!"home".equals(params.path("server").asText())) {
                return reply.put("error", "Server hostname invalid").toString();
            }
            switch (request.path("method").asText()) {
                case "pushFile":
                    if (filename.contains("..")) {
                        return reply.put("error", "Invalid file path").toString();
                    }
                    home.put(filename, params.path("content").asText());
                    return reply.put("result", "OK").toString();
                case "getFileNames":
                    reply.putArray("result").addAll(home.keySet().stream().map(JSON.getNodeFactory()::textNode)
                            .collect(java.util.stream.Collectors.toList()));
                    return reply.toString();
                case "calculateRam":
                    if (!home.containsKey(filename)) {
                        return reply.put("error", "File doesn't exist").toString();
                    }
                    return reply.put("result", ramByFile.getOrDefault(filename, 1.6)).toString();
                default:
                    return reply.put("error", "Unknown message received").toString();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

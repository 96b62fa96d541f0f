package bitalloc.adapters.http.remote;

import bitalloc.adapters.http.remote.PushReport.ScriptRam;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected game. bitalloc sends JSON-RPC requests ({jsonrpc, id, method, params}); the game answers each with
 * the same id and either {@code result} or {@code error} (a plain string). Answers are matched by id.
 */
public final class GameConnection implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(GameConnection.class);

    private final ObjectMapper json;
    private final ScriptBundle bundle;
    private final String server;
    private final Duration replyTimeout;
    private final PushListener listener;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private volatile Session session;

    GameConnection(ObjectMapper json, ScriptBundle bundle, String server, Duration replyTimeout,
                   PushListener listener) {
        this.json = json;
        this.bundle = bundle;
        this.server = server;
        this.replyTimeout = replyTimeout;
        this.listener = listener;
    }

    /** The game said something went wrong, in its own words. */
    static final class GameError extends RuntimeException {
        final String method;
        final String filename;

        GameError(String method, String filename, String error) {
            super(error, null, false, false);
            this.method = method;
            this.filename = filename;
        }
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        LOG.info("game connected from {}", opened.getRemoteSocketAddress());
        push().whenComplete((report, failure) -> listener.pushed(report != null ? report : failed(failure)));
    }

    private CompletableFuture<PushReport> push() {
        CompletableFuture<Void> pushed = CompletableFuture.completedFuture(null);
        for (ScriptFile file : bundle.files()) {
            pushed = pushed.thenCompose(ignored -> call("pushFile", file.filename(), params(file.filename())
                    .put("content", file.content())).thenAccept(result -> expectOk(file, result)));
        }
        return pushed
                .thenCompose(ignored -> call("getFileNames", "", json.createObjectNode().put("server", server)))
                .thenAccept(this::expectAllPresent)
                .thenCompose(ignored -> calculateRam(bundle.files().filter(ScriptFile::isScript), List.empty()))
                .thenApply(scripts -> new PushReport.Installed(server, scripts));
    }

    private CompletableFuture<List<ScriptRam>> calculateRam(List<ScriptFile> remaining, List<ScriptRam> known) {
        if (remaining.isEmpty()) {
            return CompletableFuture.completedFuture(known);
        }
        ScriptFile file = remaining.head();
        return call("calculateRam", file.filename(), params(file.filename()))
                .thenApply(result -> {
                    if (!result.isNumber()) {
                        throw new GameError("calculateRam", file.filename(), "answered " + result + ", not a number");
                    }
                    return new ScriptRam(file.filename(), Ram.fromReportedGb(result.doubleValue()));
                })
                .thenCompose(ram -> calculateRam(remaining.tail(), known.append(ram)));
    }

    private ObjectNode params(String filename) {
        return json.createObjectNode().put("filename", filename).put("server", server);
    }

    private static void expectOk(ScriptFile file, JsonNode result) {
        if (!"OK".equals(result.asText())) {
            throw new GameError("pushFile", file.filename(), "answered " + result + " instead of OK");
        }
    }

    private void expectAllPresent(JsonNode names) {
        java.util.Set<String> present = new java.util.HashSet<>();
        names.forEach(name -> present.add(name.asText()));
        List<String> missing = bundle.files().map(ScriptFile::filename).filter(name -> !present.contains(name));
        if (!missing.isEmpty()) {
            throw new GameError("getFileNames", "", "missing on " + server + ": " + missing.mkString(", "));
        }
    }

    private static PushReport failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof GameError error) {
            return new PushReport.Failed(error.method, error.filename, error.getMessage());
        }
        return new PushReport.Failed("connection", "", String.valueOf(cause.getMessage()));
    }

    private CompletableFuture<JsonNode> call(String method, String filename, ObjectNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params);
        session.sendText(request.toString(), Callback.from(() -> { }, answer::completeExceptionally));
        return answer
                .orTimeout(replyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> pending.remove(id))
                .thenApply(reply -> {
                    JsonNode error = reply.get("error");
                    if (error != null && !error.isNull()) {
                        throw new GameError(method, filename, error.asText());
                    }
                    return reply.path("result");
                });
    }

    @Override
    public void onWebSocketText(String message) {
        JsonNode reply;
        try {
            reply = json.readTree(message);
        } catch (Exception e) {
            LOG.warn("ignoring a message from the game that is not JSON: {}", message);
            return;
        }
        CompletableFuture<JsonNode> answer = pending.get(reply.path("id").asLong(-1));
        if (answer == null) {
            LOG.warn("ignoring an answer to no request of ours: {}", message);
            return;
        }
        answer.complete(reply);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        LOG.info("game disconnected ({} {})", statusCode, reason);
        IllegalStateException closed = new IllegalStateException("the game closed the connection: " + reason);
        pending.values().forEach(answer -> answer.completeExceptionally(closed));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.warn("Remote API connection failed", cause);
        pending.values().forEach(answer -> answer.completeExceptionally(cause));
    }
}

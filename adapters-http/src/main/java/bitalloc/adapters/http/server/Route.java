package bitalloc.adapters.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One endpoint: method, path template, whether it needs the token and a JSON body, and what it does. */
public record Route(String method, PathTemplate path, Access access, Body body, Handler handler) {

    /** Every state-changing call needs the bearer token; reads do not. */
    public enum Access {
        OPEN,
        TOKEN
    }

    /** What the handler gets: nothing, the body as a JSON tree, or the body's bytes for a streaming reader. */
    public enum Body {
        NONE,
        JSON,
        JSON_STREAM
    }

    /** What a handler sees: path and query parameters, the parsed body (a JSON null when none) and its bytes. */
    public record Call(Map<String, String> parameters, Function<String, String> query, JsonNode body, byte[] raw) {
        public String parameter(String name) {
            return parameters.get(name).getOrElseThrow(() -> new IllegalStateException("no path parameter " + name));
        }
    }

    /** Answers a call; may complete later (the agent's long poll) without holding a server thread. */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<Reply> handle(Call call);
    }
}

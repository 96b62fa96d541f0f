package bitalloc.adapters.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One endpoint: method, path template, whether it needs the token and a JSON body, where it runs, and what it does.
 */
public record Route(String method, PathTemplate path, Access access, Body body, Execution execution,
                    Handler handler) {

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

    /**
     * Where a call runs. Running on the thread that read the request saves a hand-off between threads, which on
     * two cores costs more than the call itself; but that thread also reads every other connection's requests,
     * so only a call that never waits may run there.
     */
    public enum Execution {
        /** Bounded work in memory (and the store's own write): runs on the thread that read the request. */
        IN_PLACE,
        /**
         * May wait for another request (an allocation before the game's first scan; a selector command carried
         * out on the way, whose launch waits for the agent's answer) or take long (a big scan): runs on a worker,
         * so the I/O thread stays free to read the request that ends the wait.
         */
        WORKER
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

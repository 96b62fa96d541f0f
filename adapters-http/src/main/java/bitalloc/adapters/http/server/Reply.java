package bitalloc.adapters.http.server;

import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;

/** A complete answer: status, content type, body and any extra headers. */
public record Reply(int status, String contentType, byte[] body, List<Header> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public record Header(String name, String value) {
    }

    public static Reply noContent() {
        return new Reply(204, null, new byte[0], List.empty());
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), List.empty());
    }

    public Reply withHeader(String name, String value) {
        return new Reply(status, contentType, body, headers.append(new Header(name, value)));
    }
}

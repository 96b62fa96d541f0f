package bitalloc.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The in-game scripts' side of the HTTP API: JSON calls with the bearer token. A call that gets no answer (the
 * server is down or died while answering) is empty: nothing was acknowledged.
 */
final class LiveApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    record Answer(int status, JsonNode body) {
        boolean is(int expected) {
            return status == expected;
        }

        /** 200 with {changed: true}: the release or unregistration took effect. */
        boolean changed() {
            return status == 200 && body.path("changed").asBoolean(false);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI apiRoot;
    private final String token;

    LiveApiClient(URI apiRoot, String token) {
        this.apiRoot = apiRoot;
        this.token = token;
    }

    Optional<Answer> get(String path) {
        return call(request(path).GET());
    }

    Optional<Answer> post(String path, JsonNode body) {
        return call(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Optional<Answer> delete(String path) {
        return call(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiRoot + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Optional<Answer> call(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            return Optional.of(new Answer(response.statusCode(), body));
        } catch (IOException noAnswer) {
            return Optional.empty();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package bitalloc.adapters.http.server;

import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.security.CorsPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in the order that keeps client mistakes harmless: origin, preflight, route, method, token,
 * content type, body size, JSON syntax; only then the route's handler (which validates fields before it calls the
 * API). Every answer to an allowed origin carries its CORS headers, errors included, so scripts can read them.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "POST", "DELETE", "OPTIONS", "PUT", "PATCH", "HEAD");

    private final List<Route> routes;
    private final CorsPolicy cors;
    private final BearerToken token;
    private final Problems problems;
    private final JsonCodec json;
    private final HttpMetrics metrics;
    private final int maxBodyBytes;

    public ApiHandler(List<Route> routes, CorsPolicy cors, BearerToken token, Problems problems, JsonCodec json,
                      HttpMetrics metrics, int maxBodyBytes) {
        this.routes = routes;
        this.cors = cors;
        this.token = token;
        this.problems = problems;
        this.json = json;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String method = request.getMethod();
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String path = request.getHttpURI().getPath();
        Dispatch dispatch;
        if (origin != null && !cors.allows(origin)) {
            dispatch = new Dispatch(HttpMetrics.UNMATCHED, done(problems.originNotAllowed(origin)));
        } else if ("OPTIONS".equals(method) && origin != null
                && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            dispatch = new Dispatch("preflight", done(preflight(request)));
        } else {
            dispatch = route(request, method, path == null ? "/" : path);
        }
        dispatch.reply.whenComplete((reply, failure) -> {
            Reply answer = reply;
            if (failure != null) {
                LOG.error("{} {} failed", method, path, failure);
                answer = problems.internalError();
            }
            write(answer, origin != null && cors.allows(origin) ? origin : null, response, callback);
            metrics.record(dispatch.routeLabel, KNOWN_METHODS.contains(method) ? method : "OTHER", answer.status(),
                    System.nanoTime() - started);
        });
        return true;
    }

    private record Dispatch(String routeLabel, CompletableFuture<Reply> reply) {
    }

    private Dispatch route(Request request, String method, String path) {
        List<String> segments;
        try {
            segments = PathTemplate.split(path).map(URIUtil::decodePath);
        } catch (IllegalArgumentException badEncoding) {
            return new Dispatch(HttpMetrics.UNMATCHED, done(problems.noSuchRoute(method, path)));
        }
        List<String> allowed = List.empty();
        for (Route route : routes) {
            Option<Map<String, String>> parameters = route.path().match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed = allowed.append(route.method());
                continue;
            }
            return new Dispatch(route.path().toString(), call(route, parameters.get(), request));
        }
        return allowed.isEmpty()
                ? new Dispatch(HttpMetrics.UNMATCHED, done(problems.noSuchRoute(method, path)))
                : new Dispatch(HttpMetrics.UNMATCHED, done(problems.methodNotAllowed(method, path, allowed)));
    }

    private CompletableFuture<Reply> call(Route route, Map<String, String> parameters, Request request) {
        if (route.access() == Route.Access.TOKEN
                && !token.acceptsHeader(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return done(problems.missingOrWrongToken());
        }
        JsonNode body = NullNode.getInstance();
        byte[] raw = new byte[0];
        if (route.body() != Route.Body.NONE) {
            Either<Reply, byte[]> read = readJsonBytes(request);
            if (read.isLeft()) {
                return done(read.getLeft());
            }
            raw = read.get();
        }
        if (route.body() == Route.Body.JSON) {
            Either<String, JsonNode> tree = json.read(raw);
            if (tree.isLeft()) {
                return done(problems.malformedJson(tree.getLeft()));
            }
            body = tree.get();
        }
        Fields query = Request.extractQueryParameters(request);
        return route.handler().handle(new Route.Call(parameters, query::getValue, body, raw));
    }

    private Either<Reply, byte[]> readJsonBytes(Request request) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!isJson(contentType)) {
            return Either.left(problems.unsupportedMediaType(contentType));
        }
        if (request.getLength() > maxBodyBytes) {
            return Either.left(problems.payloadTooLarge(maxBodyBytes));
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            return Either.left(problems.malformedJson("the body could not be read: " + e.getMessage()));
        }
        if (bytes.length > maxBodyBytes) {
            return Either.left(problems.payloadTooLarge(maxBodyBytes));
        }
        return Either.right(bytes);
    }

    /** application/json, with or without parameters such as charset. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private Reply preflight(Request request) {
        Reply reply = Reply.noContent()
                .withHeader("Access-Control-Allow-Methods", cors.allowedMethods())
                .withHeader("Access-Control-Allow-Headers", cors.allowedHeaders())
                .withHeader("Access-Control-Max-Age", Long.toString(cors.maxAgeSeconds()));
        // Chromium's private network access check: a public page calling a loopback service asks for consent.
        if ("true".equals(request.getHeaders().get("Access-Control-Request-Private-Network"))) {
            reply = reply.withHeader("Access-Control-Allow-Private-Network", "true");
        }
        return reply;
    }

    private static void write(Reply reply, String allowedOrigin, Response response, Callback callback) {
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        if (allowedOrigin != null) {
            headers.put("Access-Control-Allow-Origin", allowedOrigin);
            headers.put("Access-Control-Expose-Headers", "Location, WWW-Authenticate");
        }
        headers.put("Vary", "Origin");
        headers.put("Cache-Control", "no-store");
        for (Reply.Header header : reply.headers()) {
            headers.put(header.name(), header.value());
        }
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}

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
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in the order that keeps client mistakes harmless: origin, preflight, route, method, token,
 * content type, body size, JSON syntax; only then the route's handler (which validates fields before it calls the
 * API). Every answer to an allowed origin carries its CORS headers, errors included, so scripts can read them.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final byte[] NO_BODY = new byte[0];
    // Headers on every answer, encoded once rather than per answer.
    private static final HttpField EXPOSE_HEADERS =
            new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, WWW-Authenticate");
    private static final HttpField VARY_ORIGIN = new PreEncodedHttpField(HttpHeader.VARY, "Origin");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField JSON_CONTENT = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.JSON);
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "POST", "DELETE", "OPTIONS", "PUT", "PATCH", "HEAD");

    private final List<Route> routes;
    private final CorsPolicy cors;
    private final BearerToken token;
    private final Problems problems;
    private final JsonCodec json;
    private final HttpMetrics metrics;
    private final int maxBodyBytes;
    private final Executor workers;

    public ApiHandler(List<Route> routes, CorsPolicy cors, BearerToken token, Problems problems, JsonCodec json,
                      HttpMetrics metrics, int maxBodyBytes, Executor workers) {
        // Non-blocking: Jetty calls handle() on the thread that read the request, with no hand-off; calls that may
        // wait are handed to the workers here (see Route.Execution), and bodies are read without blocking.
        super(InvocationType.NON_BLOCKING);
        this.routes = routes;
        this.cors = cors;
        this.token = token;
        this.problems = problems;
        this.json = json;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.workers = workers;
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
            Map<String, String> found = parameters.get();
            CompletableFuture<Reply> reply = route.execution() == Route.Execution.IN_PLACE
                    ? failureAsValue(() -> call(route, found, request))
                    : CompletableFuture.supplyAsync(() -> call(route, found, request), workers)
                            .thenCompose(Function.identity());
            return new Dispatch(route.path().toString(), reply);
        }
        return allowed.isEmpty()
                ? new Dispatch(HttpMetrics.UNMATCHED, done(problems.noSuchRoute(method, path)))
                : new Dispatch(HttpMetrics.UNMATCHED, done(problems.methodNotAllowed(method, path, allowed)));
    }

    /** A bug in a handler becomes a failed answer (a logged 500 problem), wherever the handler ran. */
    private static CompletableFuture<Reply> failureAsValue(Supplier<CompletableFuture<Reply>> call) {
        try {
            return call.get();
        } catch (RuntimeException bug) {
            return CompletableFuture.failedFuture(bug);
        }
    }

    private CompletableFuture<Reply> call(Route route, Map<String, String> parameters, Request request) {
        if (route.access() == Route.Access.TOKEN
                && !token.acceptsHeader(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return done(problems.missingOrWrongToken());
        }
        if (route.body() == Route.Body.NONE) {
            return invoke(route, parameters, request, NullNode.getInstance(), NO_BODY);
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!isJson(contentType)) {
            return done(problems.unsupportedMediaType(contentType));
        }
        if (request.getLength() > maxBodyBytes) {
            return done(problems.payloadTooLarge(maxBodyBytes));
        }
        return BodyReader.read(request, maxBodyBytes, problems).thenCompose(read -> read.isLeft()
                ? done(read.getLeft())
                : withBody(route, parameters, request, read.get()));
    }

    private CompletableFuture<Reply> withBody(Route route, Map<String, String> parameters, Request request,
                                              byte[] raw) {
        if (route.body() != Route.Body.JSON) {
            return invoke(route, parameters, request, NullNode.getInstance(), raw);
        }
        Either<String, JsonNode> tree = json.read(raw);
        if (tree.isLeft()) {
            return done(problems.malformedJson(tree.getLeft()));
        }
        return invoke(route, parameters, request, tree.get(), raw);
    }

    private static CompletableFuture<Reply> invoke(Route route, Map<String, String> parameters, Request request,
                                                   JsonNode body, byte[] raw) {
        return route.handler().handle(new Route.Call(parameters, name -> queryValue(request, name), body, raw));
    }

    /** Most calls have no query: the parameters are only parsed when a handler asks for one. */
    private static String queryValue(Request request, String name) {
        return request.getHttpURI().getQuery() == null
                ? null
                : Request.extractQueryParameters(request).getValue(name);
    }

    /** application/json, with or without parameters such as charset. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.toLowerCase(Locale.ROOT).equals(Reply.JSON);
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
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
            headers.put(EXPOSE_HEADERS);
        }
        headers.put(VARY_ORIGIN);
        headers.put(NO_STORE);
        for (Reply.Header header : reply.headers()) {
            headers.put(header.name(), header.value());
        }
        if (Reply.JSON.equals(reply.contentType())) {
            headers.put(JSON_CONTENT);
        } else if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}

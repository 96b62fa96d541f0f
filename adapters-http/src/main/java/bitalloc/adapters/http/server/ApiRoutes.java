package bitalloc.adapters.http.server;

import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.api.Commands.ReleaseAllocation;
import bitalloc.adapters.http.api.Commands.ReleaseClaim;
import bitalloc.adapters.http.api.Commands.Unregister;
import bitalloc.adapters.http.api.Outcomes.Change;
import bitalloc.adapters.http.json.Checked;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.requests.AgentRequests;
import bitalloc.adapters.http.requests.AllocationRequests;
import bitalloc.adapters.http.requests.PathParameters;
import bitalloc.adapters.http.requests.RegistrationRequests;
import bitalloc.adapters.http.requests.ScanRequests;
import bitalloc.adapters.http.requests.TaskRequests;
import bitalloc.adapters.http.responses.ResponseBodies;
import bitalloc.adapters.http.server.Route.Access;
import bitalloc.adapters.http.server.Route.Body;
import bitalloc.adapters.http.server.Route.Call;
import bitalloc.adapters.http.server.Route.Execution;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every endpoint of the API: how its input is checked, which API method it calls, where it runs, and how each
 * outcome is answered. Success is 200 (201 when something new exists, 204 when there is nothing to say); failures
 * go through {@link Problems}. Allocations, heartbeats and finished tasks run on a worker because the use cases
 * behind them may carry out the selector's commands, and a launch waits for the agent to report a pid.
 */
public final class ApiRoutes {

    public static final String OPENAPI_RESOURCE = "/bitalloc/http/openapi.json";
    private static final String PREFIX = "/api/v1";

    private final BitallocApi api;
    private final JsonCodec json;
    private final Problems problems;
    private final LongPoll longPoll;
    private final Duration longestPoll;
    private final HttpMetrics metrics;
    private final byte[] openApi;

    public ApiRoutes(BitallocApi api, JsonCodec json, Problems problems, LongPoll longPoll, Duration longestPoll,
                     HttpMetrics metrics) {
        this.api = api;
        this.json = json;
        this.problems = problems;
        this.longPoll = longPoll;
        this.longestPoll = longestPoll;
        this.metrics = metrics;
        this.openApi = resource(OPENAPI_RESOURCE);
    }

    public List<Route> all() {
        return List.of(
                route("POST", PREFIX + "/allocations", Access.TOKEN, Body.JSON, sync(call ->
                        answer(AllocationRequests.allocate(call.body()), command ->
                                outcome(api.allocations().allocate(command), granted -> reply(201,
                                        ResponseBodies.of(granted)).withHeader("Location",
                                        PREFIX + "/allocations/" + granted.allocation()))))),
                inPlace("DELETE", PREFIX + "/allocations/{id}", Access.TOKEN, Body.NONE, sync(call ->
                        answer(PathParameters.allocationId(call.parameter("id")).map(ReleaseAllocation::new),
                                command -> outcome(api.allocations().release(command),
                                        released -> reply(200, ResponseBodies.of(released)))))),
                inPlace("POST", PREFIX + "/allocations/{id}/claims", Access.TOKEN, Body.JSON, sync(call ->
                        answer(withPath(PathParameters.allocationId(call.parameter("id")),
                                        AllocationRequests.claim(call.body())),
                                command -> outcome(api.allocations().claim(command), claimed ->
                                        reply(created(claimed.change()), ResponseBodies.of(claimed)))))),
                inPlace("DELETE", PREFIX + "/allocations/{id}/claims/{pid}", Access.TOKEN, Body.NONE, sync(call ->
                        answer(Checked.both(PathParameters.allocationId(call.parameter("id")),
                                        PathParameters.pid(call.parameter("pid")), ReleaseClaim::new),
                                command -> outcome(api.allocations().releaseClaim(command),
                                        released -> reply(200, ResponseBodies.of(released)))))),
                inPlace("POST", PREFIX + "/allocations/{id}/release-chunks", Access.TOKEN, Body.JSON, sync(call ->
                        answer(withPath(PathParameters.allocationId(call.parameter("id")),
                                        AllocationRequests.releaseChunks(call.body())),
                                command -> outcome(api.allocations().releaseChunks(command),
                                        released -> reply(200, ResponseBodies.of(released)))))),
                inPlace("POST", PREFIX + "/registrations", Access.TOKEN, Body.JSON, sync(call ->
                        answer(RegistrationRequests.register(call.body()), command ->
                                outcome(api.registrations().register(command), registered ->
                                        reply(created(registered.change()), ResponseBodies.of(registered)))))),
                inPlace("DELETE", PREFIX + "/registrations/{hostname}/{pid}", Access.TOKEN, Body.NONE, sync(call ->
                        answer(Checked.both(PathParameters.hostName(call.parameter("hostname")),
                                        PathParameters.pid(call.parameter("pid")), Unregister::new),
                                command -> outcome(api.registrations().unregister(command),
                                        released -> reply(200, ResponseBodies.of(released)))))),
                route("POST", PREFIX + "/scans", Access.TOKEN, Body.JSON_STREAM, sync(call ->
                        ScanRequests.read(call.raw(), json).fold(problems::malformedJson, scan ->
                                answer(scan, command -> outcome(api.scans().apply(command), applied ->
                                        reply(200, ResponseBodies.of(applied))))))),
                route("POST", PREFIX + "/heartbeats", Access.TOKEN, Body.JSON, sync(call ->
                        answer(TaskRequests.heartbeat(call.body()), command ->
                                outcome(api.tasks().heartbeat(command), recorded -> Reply.noContent())))),
                route("POST", PREFIX + "/tasks/finished", Access.TOKEN, Body.JSON, sync(call ->
                        answer(TaskRequests.finished(call.body()), command ->
                                outcome(api.tasks().finished(command), recorded -> Reply.noContent())))),
                // Taking commands hands them out, so even this GET needs the token.
                inPlace("GET", PREFIX + "/agent/commands", Access.TOKEN, Body.NONE, this::agentCommands),
                inPlace("POST", PREFIX + "/agent/commands/{id}/result", Access.TOKEN, Body.JSON, sync(call ->
                        answer(withPath(PathParameters.commandId(call.parameter("id")),
                                        AgentRequests.result(call.body())),
                                command -> outcome(api.agent().reportResult(command),
                                        recorded -> Reply.noContent())))),
                inPlace("GET", PREFIX + "/status", Access.OPEN, Body.NONE, sync(call ->
                        reply(200, ResponseBodies.of(api.status().status())))),
                inPlace("GET", PREFIX + "/targets", Access.OPEN, Body.NONE, sync(call ->
                        reply(200, ResponseBodies.of(api.status().targets())))),
                inPlace("GET", "/healthz", Access.OPEN, Body.NONE, sync(call ->
                        reply(200, new ResponseBodies.HealthBody("ok")))),
                inPlace("GET", "/metrics", Access.OPEN, Body.NONE, sync(call ->
                        new Reply(200, metrics.contentType(), metrics.scrape(), List.empty()))),
                inPlace("GET", "/openapi.json", Access.OPEN, Body.NONE, sync(call ->
                        new Reply(200, Reply.JSON, openApi, List.empty()))));
    }

    private CompletableFuture<Reply> agentCommands(Call call) {
        Validation<Seq<FieldProblem>, Duration> wait = PathParameters.wait(call.query().apply("wait"), longestPoll);
        if (wait.isInvalid()) {
            return CompletableFuture.completedFuture(problems.invalid(wait.getError()));
        }
        return longPoll.commands(wait.get()).thenApply(commands -> reply(200, ResponseBodies.of(commands)));
    }

    /** A route whose call may wait or take long: it runs on a worker (see {@link Execution}). */
    private static Route route(String method, String path, Access access, Body body, Route.Handler handler) {
        return new Route(method, PathTemplate.of(path), access, body, Execution.WORKER, handler);
    }

    /** A route whose call never waits for anything but the engine and the store: it runs where it was read. */
    private static Route inPlace(String method, String path, Access access, Body body, Route.Handler handler) {
        return new Route(method, PathTemplate.of(path), access, body, Execution.IN_PLACE, handler);
    }

    private static Route.Handler sync(Function<Call, Reply> handler) {
        return call -> CompletableFuture.completedFuture(handler.apply(call));
    }

    /** The path's value and the body's checks together, so one answer lists the problems of both. */
    private static <P, C> Validation<Seq<FieldProblem>, C> withPath(Validation<Seq<FieldProblem>, P> path,
                                                                   Validation<Seq<FieldProblem>, Function<P, C>> body) {
        return Checked.both(path, body, (value, command) -> command.apply(value));
    }

    private <C> Reply answer(Validation<Seq<FieldProblem>, C> command, Function<C, Reply> act) {
        return command.isValid() ? act.apply(command.get()) : problems.invalid(command.getError());
    }

    private <T> Reply outcome(Either<ApiFailure, T> result, Function<T, Reply> success) {
        return result.fold(problems::failure, success);
    }

    private static int created(Change change) {
        return change == Change.CHANGED ? 201 : 200;
    }

    private Reply reply(int status, Object body) {
        return new Reply(status, Reply.JSON, json.write(body), List.empty());
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

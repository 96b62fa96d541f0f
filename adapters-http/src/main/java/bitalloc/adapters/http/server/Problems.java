package bitalloc.adapters.http.server;

import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.ApiFailure.ChunkLargerThanAnyHost;
import bitalloc.adapters.http.api.ApiFailure.ChunksStillClaimed;
import bitalloc.adapters.http.api.ApiFailure.ClaimExceedsGrant;
import bitalloc.adapters.http.api.ApiFailure.ConflictingRegistration;
import bitalloc.adapters.http.api.ApiFailure.ForgedTag;
import bitalloc.adapters.http.api.ApiFailure.NotEnoughFree;
import bitalloc.adapters.http.api.ApiFailure.NothingFree;
import bitalloc.adapters.http.api.ApiFailure.PidClaimedElsewhere;
import bitalloc.adapters.http.api.ApiFailure.ReleaseExceedsGrant;
import bitalloc.adapters.http.api.ApiFailure.ResultAlreadyReported;
import bitalloc.adapters.http.api.ApiFailure.UnknownAllocation;
import bitalloc.adapters.http.api.ApiFailure.UnknownClaim;
import bitalloc.adapters.http.api.ApiFailure.UnknownCommand;
import bitalloc.adapters.http.api.ApiFailure.UnknownRegistration;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonCodec;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers as RFC 9457 problem details: a type URI per kind of problem ({@code urn:bitalloc:problem:<reason>}),
 * its title, the status, a detail, the same {@code reason} as plain text for scripts to switch on, and any numbers.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:bitalloc:problem:";

    private final JsonCodec json;

    public Problems(JsonCodec json) {
        this.json = json;
    }

    /** 400 listing every problem found in the request. */
    public Reply invalid(Seq<FieldProblem> problems) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errors", problems.map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).asJava());
        String detail = problems.size() == 1 ? "1 problem: " + describe(problems.head())
                : problems.size() + " problems, the first: " + describe(problems.head());
        return problem(400, "invalid-request", "The request is invalid", detail, extra);
    }

    private static String describe(FieldProblem problem) {
        return (problem.pointer().isEmpty() ? "the body" : problem.pointer()) + " " + problem.detail();
    }

    public Reply malformedJson(String why) {
        return problem(400, "malformed-json", "The body is not valid JSON", why, Map.of());
    }

    public Reply missingOrWrongToken() {
        return problem(401, "missing-or-wrong-token", "A valid bearer token is required",
                "send 'Authorization: Bearer <token>' with the token bitalloc keeps in its data directory", Map.of())
                .withHeader("WWW-Authenticate", "Bearer realm=\"bitalloc\"");
    }

    public Reply originNotAllowed(String origin) {
        return problem(403, "origin-not-allowed", "This origin may not call bitalloc",
                "origin '" + origin + "' is not in the allowed list", Map.of());
    }

    public Reply noSuchRoute(String method, String path) {
        return problem(404, "no-such-route", "No such route", method + " " + path + " is not part of the API",
                Map.of());
    }

    public Reply methodNotAllowed(String method, String path, List<String> allowed) {
        return problem(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed on " + path + "; allowed: " + allowed.mkString(", "), Map.of())
                .withHeader("Allow", allowed.mkString(", "));
    }

    public Reply payloadTooLarge(long limit) {
        return problem(413, "payload-too-large", "The body is too large",
                "bodies are limited to " + limit + " bytes", Map.of());
    }

    public Reply unsupportedMediaType(String contentType) {
        return problem(415, "unsupported-media-type", "The body must be JSON",
                "send Content-Type: application/json, got " + (contentType == null ? "none" : "'" + contentType + "'"),
                Map.of());
    }

    public Reply internalError() {
        return problem(500, "internal-error", "Internal error",
                "bitalloc failed to handle this request; its log has the details", Map.of());
    }

    /** 404 for something that does not exist, 409 for a refusal; each with its own type and numbers. */
    public Reply failure(ApiFailure failure) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (failure instanceof UnknownAllocation f) {
            extra.put("allocationId", f.allocation());
            return problem(404, "unknown-allocation", "No such allocation", "allocation " + f.allocation()
                    + " does not exist (any more)", extra);
        }
        if (failure instanceof UnknownClaim f) {
            extra.put("allocationId", f.allocation());
            extra.put("pid", f.pid());
            return problem(404, "unknown-claim", "No such claim", "pid " + f.pid() + " holds no claim in allocation "
                    + f.allocation(), extra);
        }
        if (failure instanceof UnknownRegistration f) {
            extra.put("hostname", f.host());
            extra.put("pid", f.pid());
            return problem(404, "unknown-registration", "No such registration", "pid " + f.pid() + " on "
                    + f.host() + " is not registered", extra);
        }
        if (failure instanceof UnknownCommand f) {
            extra.put("commandId", f.command());
            return problem(404, "unknown-command", "No such command", "command " + f.command()
                    + " was never handed out", extra);
        }
        if (failure instanceof NothingFree f) {
            extra.put("requested", f.requested());
            return problem(409, "nothing-free", "No RAM is free", "no host has any effective free RAM", extra);
        }
        if (failure instanceof NotEnoughFree f) {
            extra.put("requested", f.requested());
            extra.put("available", f.available());
            return problem(409, "not-enough-free", "Not enough RAM is free", "requested "
                    + f.requested().toGbString() + " GB, " + f.available().toGbString() + " GB available", extra);
        }
        if (failure instanceof ChunkLargerThanAnyHost f) {
            extra.put("chunkSize", f.chunkSize());
            extra.put("largestHost", f.largestHost());
            return problem(409, "chunk-larger-than-any-host", "The chunk is larger than any host", "a chunk of "
                    + f.chunkSize().toGbString() + " GB cannot fit; the largest host has "
                    + f.largestHost().toGbString() + " GB", extra);
        }
        if (failure instanceof ClaimExceedsGrant f) {
            extra.put("hostname", f.host());
            extra.put("requestedChunks", f.requestedChunks());
            extra.put("unclaimedChunks", f.unclaimedChunks());
            return problem(409, "claim-exceeds-grant", "The claim exceeds the grant", "claimed "
                    + f.requestedChunks() + " chunks on " + f.host() + ", " + f.unclaimedChunks() + " unclaimed", extra);
        }
        if (failure instanceof ReleaseExceedsGrant f) {
            extra.put("requestedChunks", f.requestedChunks());
            extra.put("heldChunks", f.heldChunks());
            return problem(409, "release-exceeds-grant", "The release exceeds the grant", "released "
                    + f.requestedChunks() + " chunks, the allocation holds " + f.heldChunks(), extra);
        }
        if (failure instanceof PidClaimedElsewhere f) {
            extra.put("pid", f.pid());
            extra.put("claimedBy", f.claimedBy());
            return problem(409, "pid-claimed-elsewhere", "The pid runs in another allocation", "pid " + f.pid()
                    + " is already claimed by allocation " + f.claimedBy(), extra);
        }
        if (failure instanceof ChunksStillClaimed f) {
            extra.put("hostname", f.host());
            extra.put("requestedChunks", f.requestedChunks());
            extra.put("unclaimedChunks", f.unclaimedChunks());
            return problem(409, "chunks-still-claimed", "Those chunks are still claimed", "released "
                    + f.requestedChunks() + " chunks on " + f.host() + ", only " + f.unclaimedChunks()
                    + " are unclaimed; release the claims first", extra);
        }
        if (failure instanceof ForgedTag f) {
            extra.put("tag", f.tag());
            return problem(409, "forged-tag", "The tag is not valid",
                    "the tag does not belong to this allocation", extra);
        }
        if (failure instanceof ConflictingRegistration f) {
            extra.put("hostname", f.host());
            extra.put("pid", f.pid());
            return problem(409, "conflicting-registration", "The pid is registered differently", "pid " + f.pid()
                    + " on " + f.host() + " is already registered with another script or RAM", extra);
        }
        ResultAlreadyReported f = (ResultAlreadyReported) failure;
        extra.put("commandId", f.command());
        return problem(409, "result-already-reported", "The result was already reported", "command "
                + f.command() + " already has a result", extra);
    }

    private Reply problem(int status, String reason, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + reason);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("reason", reason);
        body.putAll(extra);
        return new Reply(status, Reply.PROBLEM_JSON, json.write(body), List.empty());
    }
}

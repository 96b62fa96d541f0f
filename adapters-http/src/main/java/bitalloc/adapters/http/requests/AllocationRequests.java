package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;

import bitalloc.adapters.http.api.AllocationTag;
import bitalloc.adapters.http.api.Commands.Claim;
import bitalloc.adapters.http.api.Commands.ReleaseChunks;
import bitalloc.domain.allocation.Requester;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;
import java.util.function.Function;

/** Bodies of the allocation endpoints. */
public final class AllocationRequests {

    private static final int MAX_TAG_LENGTH = 200;

    private AllocationRequests() {
    }

    /** {requester {pid, hostname}, filename, chunkSize, numChunks, contiguous?, coreDependent?, shrinkable?, longRunning?} */
    public static Validation<Seq<FieldProblem>, AllocationRequest> allocate(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("requester", "filename", "chunkSize", "numChunks", "contiguous",
                        "coreDependent", "shrinkable", "longRunning"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("requester", AllocationRequests::requester),
                        o.required("filename", JsonValues::scriptPath),
                        o.required("chunkSize", (v, at) -> JsonValues.ram(v, at, ZeroRam.REFUSED)),
                        o.required("numChunks", (v, at) -> JsonValues.count(v, at, 1)),
                        flags(o)).ap((requester, filename, chunkSize, chunks, flags) -> flags.applyTo(
                                AllocationRequest.of(requester, filename.value(), chunkSize, chunks)))),
                        o.unknownFields()));
    }

    /** How the requester wants its chunks placed (DESIGN.md A2). */
    private record Flags(boolean contiguous, boolean coreDependent, boolean shrinkable, boolean longRunning) {
        AllocationRequest applyTo(AllocationRequest request) {
            return new AllocationRequest(request.requester(), request.script(), request.chunkSize(),
                    request.chunkCount(), contiguous, coreDependent, shrinkable, longRunning);
        }
    }

    private static Validation<Seq<FieldProblem>, Flags> flags(JsonObjectReader o) {
        return flat(Validation.combine(
                o.optional("contiguous", JsonValues::bool, false),
                o.optional("coreDependent", JsonValues::bool, false),
                o.optional("shrinkable", JsonValues::bool, false),
                o.optional("longRunning", JsonValues::bool, false)).ap(Flags::new));
    }

    private static Validation<Seq<FieldProblem>, Requester> requester(JsonNode value, Where at) {
        return JsonObjectReader.of(value, at, Set.of("pid", "hostname"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("pid", JsonValues::pid),
                        o.required("hostname", JsonValues::hostName)).ap((pid, host) -> new Requester(host, pid))), o.unknownFields()));
    }

    /** {pid, hostname, numChunks, tag}; the allocation comes from the path, checked alongside. */
    public static Validation<Seq<FieldProblem>, Function<AllocationId, Claim>> claim(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("pid", "hostname", "numChunks", "tag"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("tag", (v, at) -> JsonValues.text(v, at, MAX_TAG_LENGTH).map(AllocationTag::new)),
                        o.required("pid", JsonValues::pid),
                        o.required("hostname", JsonValues::hostName),
                        o.required("numChunks", (v, at) -> JsonValues.count(v, at, 1)))
                        .ap((tag, pid, host, chunks) -> allocation -> new Claim(allocation, tag, pid, host, chunks))),
                        o.unknownFields()));
    }

    /** {numChunks, hostname?} */
    public static Validation<Seq<FieldProblem>, Function<AllocationId, ReleaseChunks>> releaseChunks(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("numChunks", "hostname"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("numChunks", (v, at) -> JsonValues.count(v, at, 1)),
                        o.optional("hostname", JsonValues::hostName))
                        .ap((chunks, host) -> allocation -> new ReleaseChunks(allocation, chunks, host))),
                        o.unknownFields()));
    }
}

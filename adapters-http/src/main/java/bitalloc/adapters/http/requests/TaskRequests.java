package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;

import bitalloc.adapters.http.api.Commands.Heartbeat;
import bitalloc.adapters.http.api.Commands.TaskOutcome;
import bitalloc.adapters.http.api.Commands.TaskFinished;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;

/** Bodies task scripts send: heartbeats and their end. */
public final class TaskRequests {

    private static final int MAX_DETAIL_LENGTH = 2_000;

    private TaskRequests() {
    }

    /** {pid, filename, target, lifecycle} */
    public static Validation<Seq<FieldProblem>, Heartbeat> heartbeat(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("pid", "filename", "target", "lifecycle"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("pid", JsonValues::pid),
                        o.required("filename", JsonValues::scriptPath),
                        o.required("target", JsonValues::hostName),
                        o.required("lifecycle", (v, at) -> JsonValues.choice(v, at, Lifecycle.class)))
                        .ap(Heartbeat::new)), o.unknownFields()));
    }

    /** {pid, filename, target, lifecycle, outcome, detail?}; detail may be null. */
    public static Validation<Seq<FieldProblem>, TaskFinished> finished(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("pid", "filename", "target", "lifecycle", "outcome",
                        "detail"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("pid", JsonValues::pid),
                        o.required("filename", JsonValues::scriptPath),
                        o.required("target", JsonValues::hostName),
                        o.required("lifecycle", (v, at) -> JsonValues.choice(v, at, Lifecycle.class)),
                        o.required("outcome", (v, at) -> JsonValues.choice(v, at, TaskOutcome.class)),
                        o.optional("detail", (v, at) -> JsonValues.text(v, at, MAX_DETAIL_LENGTH)))
                        .ap(TaskFinished::new)), o.unknownFields()));
    }
}

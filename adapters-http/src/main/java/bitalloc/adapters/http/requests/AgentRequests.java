package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;
import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.CommandResult;
import bitalloc.adapters.http.api.Commands.ReportCommandResult;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.domain.process.Pid;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Set;
import java.util.function.Function;

/** The agent's report after running a command: {pid} or {failure, detail?}, never both. */
public final class AgentRequests {

    private static final int MAX_DETAIL_LENGTH = 2_000;

    private AgentRequests() {
    }

    public static Validation<Seq<FieldProblem>, Function<CommandId, ReportCommandResult>> result(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("pid", "failure", "detail"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.optional("pid", JsonValues::pid),
                        o.optional("failure", (v, at) -> JsonValues.choice(v, at, CommandResult.Failure.class)),
                        o.optional("detail", (v, at) -> JsonValues.text(v, at, MAX_DETAIL_LENGTH)))
                        .ap(AgentRequests::pidOrFailure)), o.unknownFields()))
                .flatMap(result -> result)
                .map(result -> command -> new ReportCommandResult(command, result));
    }

    private static Validation<Seq<FieldProblem>, CommandResult> pidOrFailure(Option<Pid> pid,
                                                                            Option<CommandResult.Failure> failure,
                                                                            Option<String> detail) {
        if (pid.isDefined() && failure.isDefined()) {
            return invalid(Where.BODY, "must carry either pid or failure, not both");
        }
        if (pid.isDefined()) {
            return detail.isDefined()
                    ? invalid(Where.BODY.field("detail"), "is only allowed with a failure")
                    : valid(new CommandResult.Succeeded(pid.get()));
        }
        return failure.isDefined()
                ? valid(new CommandResult.Failed(failure.get(), detail))
                : invalid(Where.BODY, "must carry pid (the command succeeded) or failure");
    }
}

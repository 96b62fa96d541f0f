package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.regex.Pattern;

/** Values taken from the path or query; problems are located as "path:name" or "query:name". */
public final class PathParameters {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,16}");

    private PathParameters() {
    }

    /** A malformed id cannot name an allocation, but it is still a client's mistake (400), not a 404. */
    public static Validation<Seq<FieldProblem>, AllocationId> allocationId(String text) {
        return UUID_TEXT.matcher(text).matches()
                ? valid(AllocationId.parse(text))
                : invalid(Where.outside("path:id"), "must be an allocation id (a UUID), got '" + text + "'");
    }

    public static Validation<Seq<FieldProblem>, Pid> pid(String text) {
        return positive(text, Where.outside("path:pid"), JsonValues.MAX_SAFE_INTEGER).map(Pid::of);
    }

    public static Validation<Seq<FieldProblem>, CommandId> commandId(String text) {
        return positive(text, Where.outside("path:id"), JsonValues.MAX_SAFE_INTEGER).map(CommandId::new);
    }

    public static Validation<Seq<FieldProblem>, HostName> hostName(String text) {
        return text.isBlank() || text.length() > JsonValues.MAX_HOST_NAME_LENGTH
                ? invalid(Where.outside("path:hostname"), "must be a host name")
                : valid(HostName.of(text));
    }

    /** How long the agent's long poll may wait; absent means answer at once. */
    public static Validation<Seq<FieldProblem>, Duration> wait(String text, Duration longest) {
        if (text == null) {
            return valid(Duration.ZERO);
        }
        if (!DIGITS.matcher(text).matches() || Long.parseLong(text) > longest.toMillis()) {
            return invalid(Where.outside("query:wait"), "must be whole milliseconds from 0 to " + longest.toMillis()
                    + ", got '" + text + "'");
        }
        return valid(Duration.ofMillis(Long.parseLong(text)));
    }

    private static Validation<Seq<FieldProblem>, Long> positive(String text, Where at, long max) {
        if (DIGITS.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= max) {
                return valid(value);
            }
        }
        return invalid(at, "must be a whole number from 1 to " + max + ", got '" + text + "'");
    }
}

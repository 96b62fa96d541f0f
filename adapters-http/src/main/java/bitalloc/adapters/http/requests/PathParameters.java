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

/** Values taken from the path or query; problems are located as "path:name" or "query:name". */
public final class PathParameters {

    private static final int UUID_LENGTH = 36;
    private static final int MAX_DIGITS = 16;

    private PathParameters() {
    }

    /** A malformed id cannot name an allocation, but it is still a client's mistake (400), not a 404. */
    public static Validation<Seq<FieldProblem>, AllocationId> allocationId(String text) {
        return isUuidText(text)
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
        if (!isDigits(text) || Long.parseLong(text) > longest.toMillis()) {
            return invalid(Where.outside("query:wait"), "must be whole milliseconds from 0 to " + longest.toMillis()
                    + ", got '" + text + "'");
        }
        return valid(Duration.ofMillis(Long.parseLong(text)));
    }

    private static Validation<Seq<FieldProblem>, Long> positive(String text, Where at, long max) {
        if (isDigits(text)) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= max) {
                return valid(value);
            }
        }
        return invalid(at, "must be a whole number from 1 to " + max + ", got '" + text + "'");
    }

    /** The UUID text form, 8-4-4-4-12 hex digits, checked by hand: this runs on every call naming an allocation. */
    private static boolean isUuidText(String text) {
        if (text.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    /** 1 to 16 ASCII digits. */
    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

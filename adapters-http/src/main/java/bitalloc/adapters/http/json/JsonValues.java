package bitalloc.adapters.http.json;

import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;

/** Checks single JSON values into typed values; every method reports its problem at {@code pointer}. */
public final class JsonValues {

    /** The largest RAM any server can have (home's upgrade limit); more is a client's mistake. */
    public static final Ram MAX_RAM = Ram.ofGb(1L << 30);
    /** JavaScript's largest exact integer: game pids and ids never go beyond it. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    public static final int MAX_HOST_NAME_LENGTH = 256;
    public static final int MAX_PATH_LENGTH = 1024;

    private static final BigDecimal MAX_GB = BigDecimal.valueOf(1L << 30);

    private JsonValues() {
    }

    /** Whether zero is an acceptable amount (used RAM) or not (a chunk size). */
    public enum ZeroRam {
        ALLOWED,
        REFUSED
    }

    /**
     * RAM in GB as the game shows it: a JSON number with at most two decimals, within what a server can hold.
     * The number is read exactly (the parser keeps decimals as BigDecimal), never through a double.
     */
    public static Validation<Seq<FieldProblem>, Ram> ram(JsonNode node, Where pointer, ZeroRam zero) {
        if (!node.isNumber()) {
            return invalid(pointer, "must be a number of GB, got " + kind(node));
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long gb = node.longValue();
            if (gb < 0) {
                return invalid(pointer, "must not be negative");
            }
            if (gb == 0 && zero == ZeroRam.REFUSED) {
                return invalid(pointer, "must be positive");
            }
            return gb > (1L << 30) ? invalid(pointer, tooMuchRam()) : valid(Ram.ofGb(gb));
        }
        BigDecimal gb = node.decimalValue();
        if (gb.signum() < 0) {
            return invalid(pointer, "must not be negative");
        }
        if (gb.signum() == 0 && zero == ZeroRam.REFUSED) {
            return invalid(pointer, "must be positive");
        }
        if (gb.compareTo(MAX_GB) > 0) {
            return invalid(pointer, tooMuchRam());
        }
        if (gb.scale() > 2 && gb.stripTrailingZeros().scale() > 2) {
            return invalid(pointer, "must have at most two decimals (the game's 0.01 GB), got " + gb.toPlainString());
        }
        return valid(Ram.ofHundredths(gb.movePointRight(2).longValueExact()));
    }

    private static String tooMuchRam() {
        return "must be at most " + MAX_RAM.toGbString() + " GB (the largest server there is)";
    }

    /** A whole number in {@code [min, max]}. */
    public static Validation<Seq<FieldProblem>, Long> whole(JsonNode node, Where pointer, long min, long max) {
        if (!node.isIntegralNumber()) {
            return invalid(pointer, "must be a whole number, got " + kind(node));
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            return invalid(pointer, "must be between " + min + " and " + max + ", got " + node.asText());
        }
        return valid(node.longValue());
    }

    public static Validation<Seq<FieldProblem>, Integer> count(JsonNode node, Where pointer, int min) {
        return whole(node, pointer, min, Integer.MAX_VALUE).map(Long::intValue);
    }

    public static Validation<Seq<FieldProblem>, Pid> pid(JsonNode node, Where pointer) {
        return whole(node, pointer, 1, MAX_SAFE_INTEGER).map(Pid::of);
    }

    public static Validation<Seq<FieldProblem>, String> text(JsonNode node, Where pointer, int maxLength) {
        if (!node.isTextual()) {
            return invalid(pointer, "must be a string, got " + kind(node));
        }
        String value = node.textValue();
        if (value.isBlank()) {
            return invalid(pointer, "must not be blank");
        }
        if (value.length() > maxLength) {
            return invalid(pointer, "must be at most " + maxLength + " characters long");
        }
        return valid(value);
    }

    public static Validation<Seq<FieldProblem>, HostName> hostName(JsonNode node, Where pointer) {
        return text(node, pointer, MAX_HOST_NAME_LENGTH).map(HostName::of);
    }

    /** A script path; the game normalises paths without a leading slash, so one is refused rather than guessed. */
    public static Validation<Seq<FieldProblem>, ScriptPath> scriptPath(JsonNode node, Where pointer) {
        return text(node, pointer, MAX_PATH_LENGTH).flatMap(path -> path.startsWith("/")
                ? invalid(pointer, "must not start with '/' (the game writes \"dir/script.js\")")
                : valid(new ScriptPath(path)));
    }

    public static Validation<Seq<FieldProblem>, Boolean> bool(JsonNode node, Where pointer) {
        return node.isBoolean() ? valid(node.booleanValue()) : invalid(pointer, "must be true or false, got " + kind(node));
    }

    /** An enum written in lower case with hyphens ("helpers-starved"). */
    public static <E extends Enum<E>> Validation<Seq<FieldProblem>, E> choice(JsonNode node, Where pointer,
                                                                             Class<E> type) {
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (WireNames.of(constant).equals(node.textValue())) {
                    return valid(constant);
                }
            }
        }
        return invalid(pointer, "must be one of " + WireNames.all(type) + ", got " + node);
    }

    /** What a JSON value is, for messages: "a string", "null"... */
    public static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case NUMBER:
                return "the number " + node.asText();
            case STRING:
                return "a string";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return "nothing";
        }
    }
}

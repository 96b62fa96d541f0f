package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import bitalloc.adapters.http.json.StreamedObject;
import bitalloc.adapters.http.json.Where;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;

/**
 * One process of a scan, {pid, filename, threads, ramPerThread, args}, read straight from the parser: a scan
 * carries up to 10^5 of them. A value of the expected shape is taken as it streams by; anything else (a wrong type,
 * an out-of-range number, null) is kept as a node and checked by the same {@link JsonValues} rules as every other
 * body, so the problems and their order are those of a tree-checked object.
 */
final class ProcessReader {

    private static final String[] FIELDS = {"pid", "filename", "threads", "ramPerThread"};
    private static final long MAX_RAM_GB = 1L << 30;

    private long pid;
    private String filename;
    private int threads;
    private Ram ramPerThread;
    /** A field's value that did not fit the fast path, checked at the end; null when absent or taken fast. */
    private final JsonNode[] slow = new JsonNode[FIELDS.length];
    private final boolean[] present = new boolean[FIELDS.length];
    private List<FieldProblem> fieldProblems = List.empty();

    private ProcessReader() {
    }

    static Validation<Seq<FieldProblem>, ProcessSnapshot> read(JsonParser parser, Where at) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return invalid(at, "must be a JSON object, got " + JsonValues.kind(StreamedObject.value(parser)));
        }
        ProcessReader process = new ProcessReader();
        Validation<Seq<FieldProblem>, List<String>> args = valid(List.empty());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("args")) {
                args = parser.currentToken() == JsonToken.VALUE_NULL
                        ? valid(List.empty())
                        : StreamedObject.array(parser, at.field("args"), ScanRequests.MAX_ARGS, ProcessReader::arg);
            } else {
                process.field(field, parser, at);
            }
        }
        return process.result(at, args);
    }

    private void field(String field, JsonParser parser, Where at) throws IOException {
        int slot = slot(field);
        if (slot < 0) {
            fieldProblems = fieldProblems.append(new FieldProblem(at.field(field).toString(), "is not a known field"));
            parser.skipChildren();
            return;
        }
        if (present[slot]) {
            fieldProblems = fieldProblems.append(new FieldProblem(at.field(field).toString(), "appears twice"));
        }
        present[slot] = true;
        slow[slot] = taken(slot, parser) ? null : StreamedObject.value(parser);
    }

    /** Takes a value of the usual shape; false leaves it for the full check. */
    private boolean taken(int slot, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (slot) {
            case 0:
                if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long value = parser.getLongValue();
                    if (value >= 1 && value <= JsonValues.MAX_SAFE_INTEGER) {
                        pid = value;
                        return true;
                    }
                }
                return false;
            case 1:
                if (token == JsonToken.VALUE_STRING) {
                    String text = parser.getText();
                    if (!text.isBlank() && text.length() <= JsonValues.MAX_PATH_LENGTH && !text.startsWith("/")) {
                        filename = text;
                        return true;
                    }
                }
                return false;
            case 2:
                if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        && parser.getIntValue() >= 1) {
                    threads = parser.getIntValue();
                    return true;
                }
                return false;
            default:
                return takenRam(token, parser);
        }
    }

    /** Whole GB, or a plain decimal with one or two decimals ("1.75"), read from its text without a BigDecimal. */
    private boolean takenRam(JsonToken token, JsonParser parser) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            int gb = parser.getIntValue();
            if (gb >= 0 && gb <= MAX_RAM_GB) {
                ramPerThread = Ram.ofGb(gb);
                return true;
            }
            return false;
        }
        if (token != JsonToken.VALUE_NUMBER_FLOAT) {
            return false;
        }
        String text = parser.getText();
        int dot = text.indexOf('.');
        int decimals = text.length() - dot - 1;
        if (dot < 1 || dot > 10 || decimals < 1 || decimals > 2) {
            return false;
        }
        long hundredths = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == dot) {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            hundredths = hundredths * 10 + (c - '0');
        }
        if (decimals == 1) {
            hundredths *= 10;
        }
        if (hundredths > MAX_RAM_GB * 100) {
            return false;
        }
        ramPerThread = Ram.ofHundredths(hundredths);
        return true;
    }

    private Validation<Seq<FieldProblem>, ProcessSnapshot> result(Where at, Validation<Seq<FieldProblem>,
            List<String>> args) {
        Validation<Seq<FieldProblem>, Pid> checkedPid = checked(0, at, JsonValues::pid, () -> Pid.of(pid));
        Validation<Seq<FieldProblem>, String> checkedFile = checked(1, at,
                (v, p) -> JsonValues.scriptPath(v, p).map(ScriptPath::value), () -> filename);
        Validation<Seq<FieldProblem>, Integer> checkedThreads = checked(2, at, (v, p) -> JsonValues.count(v, p, 1),
                () -> threads);
        Validation<Seq<FieldProblem>, Ram> checkedRam = checked(3, at,
                (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED), () -> ramPerThread);
        if (checkedPid.isValid() && checkedFile.isValid() && checkedThreads.isValid() && checkedRam.isValid()
                && args.isValid() && fieldProblems.isEmpty()) {
            return valid(new ProcessSnapshot(checkedPid.get(), checkedFile.get(), checkedThreads.get(),
                    checkedRam.get(), args.get()));
        }
        List<FieldProblem> problems = List.empty();
        for (Validation<Seq<FieldProblem>, ?> each : List.of(checkedPid, checkedFile, checkedThreads, checkedRam,
                args)) {
            if (each.isInvalid()) {
                problems = problems.appendAll(each.getError());
            }
        }
        return Validation.invalid(problems.appendAll(fieldProblems));
    }

    private <T> Validation<Seq<FieldProblem>, T> checked(int slot, Where at,
                                                        bitalloc.adapters.http.json.JsonObjectReader.FieldCheck<T> check,
                                                        java.util.function.Supplier<T> fast) {
        JsonNode value = slow[slot];
        if (!present[slot] || (value != null && value.isNull())) {
            return invalid(at.field(FIELDS[slot]), "is required");
        }
        return value == null ? valid(fast.get()) : check.apply(value, at.field(FIELDS[slot]));
    }

    private static int slot(String field) {
        for (int slot = 0; slot < FIELDS.length; slot++) {
            if (FIELDS[slot].equals(field)) {
                return slot;
            }
        }
        return -1;
    }

    /** The game's script arguments are strings, numbers or booleans; the allocator reads them as text. */
    private static Validation<Seq<FieldProblem>, String> arg(JsonParser parser, Where at) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            String text = parser.getText();
            return text.length() > ScanRequests.MAX_ARG_LENGTH
                    ? invalid(at, "must be at most " + ScanRequests.MAX_ARG_LENGTH + " characters long")
                    : valid(text);
        }
        JsonNode arg = StreamedObject.value(parser);
        if (arg.isNumber() || arg.isBoolean()) {
            return valid(arg.asText());
        }
        return invalid(at, "must be a string, number or boolean, got " + JsonValues.kind(arg));
    }
}

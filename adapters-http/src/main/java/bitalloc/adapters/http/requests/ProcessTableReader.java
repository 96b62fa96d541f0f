package bitalloc.adapters.http.requests;

import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import bitalloc.adapters.http.json.StreamedObject;
import bitalloc.adapters.http.json.Where;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A host's {@code processes} array, [{pid, filename, threads, ramPerThread, args}], read straight from the parser
 * into the domain's column table: a scan carries up to 10^5 processes. Values of the usual shape, in the order the
 * agent writes them, cost no object of their own. Anything else (a wrong type, an out-of-range number, null) is kept
 * as a node and checked by the same {@link JsonValues} rules as every other body, so the problems and their order are
 * those of a tree-checked object. Every problem of every process is collected; a pointer is built only for a problem.
 */
final class ProcessTableReader {

    private static final int PID = 0;
    private static final int FILENAME = 1;
    private static final int THREADS = 2;
    private static final int RAM_PER_THREAD = 3;
    private static final int ARGS = 4;
    /** The fields in the order the agent writes them; the last is {@code args}. */
    private static final String[] FIELDS = {"pid", "filename", "threads", "ramPerThread", "args"};
    private static final SerializedString[] EXPECTED = Arrays.stream(FIELDS).map(SerializedString::new)
            .toArray(SerializedString[]::new);
    private static final long MAX_RAM_GB = 1L << 30;

    private final Where at;
    private final java.util.List<FieldProblem> problems = new ArrayList<>();
    private final ProcessSnapshots.Builder table = ProcessSnapshots.builder(256);
    private final RepeatedTexts texts;

    // The process being read; reset for each one.
    private int index;
    private Where process;
    private long pid;
    private String filename;
    private int threads;
    private long ramPerThread;
    /** A field's value that did not fit the fast path, checked at the end; null when absent or taken fast. */
    private final JsonNode[] slow = new JsonNode[RAM_PER_THREAD + 1];
    private final boolean[] present = new boolean[RAM_PER_THREAD + 1];
    private final java.util.List<FieldProblem> argProblems = new ArrayList<>();
    private final java.util.List<FieldProblem> fieldProblems = new ArrayList<>();

    private ProcessTableReader(Where at, RepeatedTexts texts) {
        this.at = at;
        this.texts = texts;
    }

    /** Reads the array the parser is on. */
    static Validation<Seq<FieldProblem>, ProcessSnapshots> read(JsonParser parser, Where at, RepeatedTexts texts)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return Validation.invalid(List.of(new FieldProblem(at.toString(),
                    "must be an array, got " + JsonValues.kind(StreamedObject.value(parser)))));
        }
        return new ProcessTableReader(at, texts).readArray(parser);
    }

    private Validation<Seq<FieldProblem>, ProcessSnapshots> readArray(JsonParser parser) throws IOException {
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (count == ScanRequests.MAX_PROCESSES_PER_HOST) {
                problems.add(new FieldProblem(at.toString(),
                        "must have at most " + ScanRequests.MAX_PROCESSES_PER_HOST + " items"));
            }
            if (count >= ScanRequests.MAX_PROCESSES_PER_HOST) {
                parser.skipChildren();
            } else if (parser.currentToken() != JsonToken.START_OBJECT) {
                problems.add(new FieldProblem(at.item(count).toString(),
                        "must be a JSON object, got " + JsonValues.kind(StreamedObject.value(parser))));
            } else {
                readProcess(parser, count);
            }
            count++;
        }
        return problems.isEmpty() ? Validation.valid(table.build()) : Validation.invalid(List.ofAll(problems));
    }

    private void readProcess(JsonParser parser, int position) throws IOException {
        index = position;
        process = null;
        Arrays.fill(slow, null);
        Arrays.fill(present, false);
        table.discardPendingArgs();
        argProblems.clear();
        fieldProblems.clear();
        int expected = 0;
        while (true) {
            int slot;
            if (expected < EXPECTED.length && parser.nextFieldName(EXPECTED[expected])) {
                slot = expected;
            } else if (expected < EXPECTED.length ? parser.currentToken() == JsonToken.FIELD_NAME
                    : parser.nextToken() == JsonToken.FIELD_NAME) {
                slot = slot(parser.currentName());
            } else {
                break;
            }
            expected = slot + 1;
            String field = parser.currentName();
            parser.nextToken();
            field(slot, field, parser);
        }
        finish();
    }

    private void field(int slot, String field, JsonParser parser) throws IOException {
        if (slot == ARGS) {
            args(parser);
            return;
        }
        if (slot < 0) {
            fieldProblems.add(new FieldProblem(where().field(field).toString(), "is not a known field"));
            parser.skipChildren();
            return;
        }
        if (present[slot]) {
            fieldProblems.add(new FieldProblem(where().field(field).toString(), "appears twice"));
        }
        present[slot] = true;
        slow[slot] = taken(slot, parser) ? null : StreamedObject.value(parser);
    }

    /** Takes a value of the usual shape; false leaves it for the full check. */
    private boolean taken(int slot, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (slot) {
            case PID:
                if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long value = parser.getLongValue();
                    if (value >= 1 && value <= JsonValues.MAX_SAFE_INTEGER) {
                        pid = value;
                        return true;
                    }
                }
                return false;
            case FILENAME:
                if (token == JsonToken.VALUE_STRING) {
                    String text = texts.of(parser);
                    if (!text.isBlank() && text.length() <= JsonValues.MAX_PATH_LENGTH && !text.startsWith("/")) {
                        filename = text;
                        return true;
                    }
                }
                return false;
            case THREADS:
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

    /** Whole GB, or a plain decimal with one or two decimals ("1.75"), read from the parser's characters. */
    private boolean takenRam(JsonToken token, JsonParser parser) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            int gb = parser.getIntValue();
            if (gb >= 0 && gb <= MAX_RAM_GB) {
                ramPerThread = gb * 100L;
                return true;
            }
            return false;
        }
        if (token != JsonToken.VALUE_NUMBER_FLOAT) {
            return false;
        }
        char[] text = parser.getTextCharacters();
        int start = parser.getTextOffset();
        int length = parser.getTextLength();
        int dot = -1;
        long hundredths = 0;
        for (int i = 0; i < length; i++) {
            char c = text[start + i];
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c >= '0' && c <= '9' && i < 13) {
                hundredths = hundredths * 10 + (c - '0');
            } else {
                return false;
            }
        }
        int decimals = length - dot - 1;
        if (dot < 1 || decimals < 1 || decimals > 2) {
            return false;
        }
        if (decimals == 1) {
            hundredths *= 10;
        }
        if (hundredths > MAX_RAM_GB * 100) {
            return false;
        }
        ramPerThread = hundredths;
        return true;
    }

    /** A later {@code args} replaces an earlier one, problems included. */
    private void args(JsonParser parser) throws IOException {
        table.discardPendingArgs();
        argProblems.clear();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        Where argsAt = where().field("args");
        if (token != JsonToken.START_ARRAY) {
            argProblems.add(new FieldProblem(argsAt.toString(),
                    "must be an array, got " + JsonValues.kind(StreamedObject.value(parser))));
            return;
        }
        int position = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (position == ScanRequests.MAX_ARGS) {
                argProblems.add(new FieldProblem(argsAt.toString(),
                        "must have at most " + ScanRequests.MAX_ARGS + " items"));
            }
            if (position >= ScanRequests.MAX_ARGS) {
                parser.skipChildren();
            } else {
                arg(parser, argsAt, position);
            }
            position++;
        }
    }

    /**
     * The game's script arguments are strings, numbers or booleans; the allocator reads them as text, which goes
     * from the parser's buffer straight into the table's.
     */
    private void arg(JsonParser parser, Where argsAt, int position) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            int length = parser.getTextLength();
            if (length > ScanRequests.MAX_ARG_LENGTH) {
                argProblems.add(new FieldProblem(argsAt.item(position).toString(),
                        "must be at most " + ScanRequests.MAX_ARG_LENGTH + " characters long"));
                return;
            }
            table.arg(parser.getTextCharacters(), parser.getTextOffset(), length);
            return;
        }
        JsonNode arg = StreamedObject.value(parser);
        if (!arg.isNumber() && !arg.isBoolean()) {
            argProblems.add(new FieldProblem(argsAt.item(position).toString(),
                    "must be a string, number or boolean, got " + JsonValues.kind(arg)));
            return;
        }
        table.arg(arg.asText());
    }

    /** Adds the process to the table when all is well; otherwise records its problems. */
    private void finish() {
        if (allTakenFast() && argProblems.isEmpty() && fieldProblems.isEmpty()) {
            if (ramPerThread <= JsonValues.MAX_RAM.hundredths() / threads) {
                if (problems.isEmpty()) {
                    table.add(Pid.of(pid), filename, threads, Ram.ofHundredths(ramPerThread));
                }
                return;
            }
        }
        checkAll();
    }

    private boolean allTakenFast() {
        for (int slot = PID; slot <= RAM_PER_THREAD; slot++) {
            if (!present[slot] || slow[slot] != null) {
                return false;
            }
        }
        return true;
    }

    /** Checks the values kept aside, in field order, and adds the process to the table when all is well. */
    private void checkAll() {
        Pid checkedPid = checked(PID, (v, p) -> JsonValues.pid(v, p), () -> Pid.of(pid));
        String checkedFile = checked(FILENAME, (v, p) -> JsonValues.scriptPath(v, p).map(path -> path.value()),
                () -> filename);
        Integer checkedThreads = checked(THREADS, (v, p) -> JsonValues.count(v, p, 1), () -> threads);
        Ram checkedRam = checked(RAM_PER_THREAD, (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED),
                () -> Ram.ofHundredths(ramPerThread));
        if (checkedThreads != null && checkedRam != null
                && checkedRam.hundredths() > JsonValues.MAX_RAM.hundredths() / checkedThreads) {
            problems.add(new FieldProblem(where().field(FIELDS[RAM_PER_THREAD]).toString(), "times threads must be "
                    + "at most " + JsonValues.MAX_RAM.toGbString() + " GB (the largest server there is)"));
        }
        problems.addAll(argProblems);
        problems.addAll(fieldProblems);
        if (problems.isEmpty()) {
            table.add(checkedPid, checkedFile, checkedThreads, checkedRam);
        }
    }

    /** The slot's value: taken fast, or checked now (a problem is recorded and null returned). */
    private <T> T checked(int slot, bitalloc.adapters.http.json.JsonObjectReader.FieldCheck<T> check,
                          java.util.function.Supplier<T> fast) {
        JsonNode value = slow[slot];
        if (!present[slot] || (value != null && value.isNull())) {
            problems.add(new FieldProblem(where().field(FIELDS[slot]).toString(), "is required"));
            return null;
        }
        if (value == null) {
            return fast.get();
        }
        Validation<Seq<FieldProblem>, T> result = check.apply(value, where().field(FIELDS[slot]));
        if (result.isValid()) {
            return result.get();
        }
        result.getError().forEach(problems::add);
        return null;
    }

    private Where where() {
        if (process == null) {
            process = at.item(index);
        }
        return process;
    }

    private static int slot(String field) {
        switch (field) {
            case "pid":
                return PID;
            case "filename":
                return FILENAME;
            case "threads":
                return THREADS;
            case "ramPerThread":
                return RAM_PER_THREAD;
            case "args":
                return ARGS;
            default:
                return -1;
        }
    }
}

package bitalloc.adapters.http.json;

import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.json.JsonObjectReader.FieldCheck;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.util.ArrayList;

/**
 * One JSON object read from a stream instead of a tree: the scalar fields it knows are kept in slots and checked
 * with the same {@link JsonValues} rules as tree bodies; unknown and repeated fields are problems. Large bodies
 * (a scan of 10^5 processes) are validated while they are parsed, without building a tree of the whole body.
 */
public final class StreamedObject {

    private final Where where;
    private final String[] names;
    private final JsonNode[] values;
    private List<FieldProblem> problems = List.empty();

    public StreamedObject(Where where, String... names) {
        this.where = where;
        this.names = names;
        this.values = new JsonNode[names.length];
    }

    public Where where() {
        return where;
    }

    /** Keeps the current value (the parser is on it) when the field is a known scalar field; skips it otherwise. */
    public void read(String field, JsonParser parser) throws IOException {
        for (int slot = 0; slot < names.length; slot++) {
            if (names[slot].equals(field)) {
                if (values[slot] != null) {
                    problems = problems.append(new FieldProblem(where.field(field).toString(), "appears twice"));
                }
                values[slot] = value(parser);
                return;
            }
        }
        unknown(field, parser);
    }

    /** Records a field this object does not know and skips its value. */
    public void unknown(String field, JsonParser parser) throws IOException {
        problems = problems.append(new FieldProblem(where.field(field).toString(), "is not a known field"));
        parser.skipChildren();
    }

    public <T> Validation<Seq<FieldProblem>, T> required(String field, FieldCheck<T> check) {
        JsonNode value = values[slot(field)];
        if (value == null || value.isNull()) {
            return invalid(where.field(field), "is required");
        }
        return check.apply(value, where.field(field));
    }

    public <T> Validation<Seq<FieldProblem>, T> optional(String field, FieldCheck<T> check, T absent) {
        JsonNode value = values[slot(field)];
        return value == null || value.isNull() ? valid(absent) : check.apply(value, where.field(field));
    }

    /** Problems of unknown and repeated fields, reported after the fields' own. */
    public Seq<FieldProblem> fieldProblems() {
        return problems;
    }

    private int slot(String field) {
        for (int slot = 0; slot < names.length; slot++) {
            if (names[slot].equals(field)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("not a field of this object: " + field);
    }

    /** The value the parser is on, as a node: scalars cheaply, objects and arrays (only ever wrong here) as trees. */
    public static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return IntNode.valueOf(parser.getIntValue());
                    case LONG:
                        return LongNode.valueOf(parser.getLongValue());
                    default:
                        return BigIntegerNode.valueOf(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(parser.getDecimalValue());
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.getInstance();
            default:
                return parser.readValueAsTree();
        }
    }

    /** Reads the array the parser is on, checking each element as it streams by; every problem is kept. */
    public static <T> Validation<Seq<FieldProblem>, List<T>> array(JsonParser parser, Where at, int maxItems,
                                                                   ElementReader<T> element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return invalid(at, "must be an array, got " + JsonValues.kind(value(parser)));
        }
        java.util.List<T> items = new ArrayList<>();
        java.util.List<FieldProblem> problems = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (index == maxItems) {
                problems.add(new FieldProblem(at.toString(), "must have at most " + maxItems + " items"));
            }
            if (index >= maxItems) {
                parser.skipChildren();
            } else {
                Validation<Seq<FieldProblem>, T> checked = element.read(parser, at.item(index));
                if (checked.isValid()) {
                    items.add(checked.get());
                } else {
                    checked.getError().forEach(problems::add);
                }
            }
            index++;
        }
        return problems.isEmpty() ? valid(List.ofAll(items)) : Validation.invalid(List.ofAll(problems));
    }

    /** Reads one array element; the parser is on its first token and must be left on its last. */
    @FunctionalInterface
    public interface ElementReader<T> {
        Validation<Seq<FieldProblem>, T> read(JsonParser parser, Where at) throws IOException;
    }
}

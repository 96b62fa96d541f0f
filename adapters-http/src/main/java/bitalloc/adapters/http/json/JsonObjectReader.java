package bitalloc.adapters.http.json;

import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the fields of one JSON object. Missing fields, wrong types and fields the endpoint does not know are all
 * reported, each at its own pointer, so one answer lists everything wrong with a request.
 */
public final class JsonObjectReader {

    private final JsonNode node;
    private final Where pointer;
    private final Set<String> knownFields;

    private JsonObjectReader(JsonNode node, Where pointer, Set<String> knownFields) {
        this.node = node;
        this.pointer = pointer;
        this.knownFields = knownFields;
    }

    public static Validation<Seq<FieldProblem>, JsonObjectReader> of(JsonNode node, Where pointer,
                                                                     Set<String> knownFields) {
        return node.isObject()
                ? valid(new JsonObjectReader(node, pointer, knownFields))
                : invalid(pointer, "must be a JSON object, got " + JsonValues.kind(node));
    }

    public Where pointer(String field) {
        return pointer.field(field);
    }

    /** A field that must be present (and not null); the check reads it only when it is. */
    public <T> Validation<Seq<FieldProblem>, T> required(String field, FieldCheck<T> check) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return invalid(pointer(field), "is required");
        }
        return check.apply(value, pointer(field));
    }

    /** A field that may be absent or null. */
    public <T> Validation<Seq<FieldProblem>, Option<T>> optional(String field, FieldCheck<T> check) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return valid(Option.none());
        }
        return check.apply(value, pointer(field)).map(Option::some);
    }

    public <T> Validation<Seq<FieldProblem>, T> optional(String field, FieldCheck<T> check, T absent) {
        return optional(field, check).map(value -> value.getOrElse(absent));
    }

    /** Fields this endpoint does not know: likely typos, reported rather than silently ignored. */
    public Seq<FieldProblem> unknownFields() {
        List<FieldProblem> unknown = List.empty();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                unknown = unknown.append(new FieldProblem(pointer(name).toString(), "is not a known field"));
            }
        }
        return unknown;
    }

    /** Checks one JSON value found at a pointer. */
    @FunctionalInterface
    public interface FieldCheck<T> {
        Validation<Seq<FieldProblem>, T> apply(JsonNode value, Where pointer);
    }
}

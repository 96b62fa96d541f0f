package bitalloc.adapters.http.server;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/** A route's path such as {@code /api/v1/allocations/{id}/claims}; braces name a parameter segment. */
public final class PathTemplate {

    private final String text;
    private final List<String> segments;

    private PathTemplate(String text) {
        this.text = text;
        this.segments = split(text);
    }

    public static PathTemplate of(String text) {
        return new PathTemplate(text);
    }

    static List<String> split(String path) {
        return List.of(path.split("/", -1)).drop(1);
    }

    /** The parameters when the path fits this template; segments are compared after URL decoding. */
    public Option<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Option.none();
        }
        Map<String, String> parameters = HashMap.empty();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = pathSegments.get(i);
            if (expected.startsWith("{")) {
                if (actual.isEmpty()) {
                    return Option.none();
                }
                parameters = parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Option.none();
            }
        }
        return Option.some(parameters);
    }

    @Override
    public String toString() {
        return text;
    }
}

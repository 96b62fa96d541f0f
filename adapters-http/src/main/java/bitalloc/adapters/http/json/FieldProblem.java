package bitalloc.adapters.http.json;

/** One thing wrong with a request, located by a JSON pointer ("/hosts/3/processes/0/pid"; "" is the body). */
public record FieldProblem(String pointer, String detail) {
}

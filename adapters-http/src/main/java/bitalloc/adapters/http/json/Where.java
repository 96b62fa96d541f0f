package bitalloc.adapters.http.json;

/**
 * Where a value sits in a request, rendered as a JSON pointer ("/hosts/3/processes/0/pid") only when a problem
 * is reported: a scan visits 10^5 processes, and building every pointer eagerly would cost more than checking them.
 */
public final class Where {

    /** The request body itself; renders as "". */
    public static final Where BODY = new Where(null, null, -1);

    private final Where parent;
    private final String name;
    private final int index;

    private Where(Where parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** A place outside the body, such as "path:id" or "query:wait". */
    public static Where outside(String label) {
        return new Where(null, label, -1);
    }

    public Where field(String field) {
        return new Where(this, field, -1);
    }

    public Where item(int position) {
        return new Where(this, null, position);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return name == null ? "" : name;
        }
        return parent + "/" + (name != null ? name : Integer.toString(index));
    }
}

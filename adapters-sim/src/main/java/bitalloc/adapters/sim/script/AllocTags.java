package bitalloc.adapters.sim.script;

import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import io.vavr.control.Try;

/** The {@code --allocId} tag in a process's arguments (DESIGN.md A4), as the in-game scripts write and read it. */
public final class AllocTags {

    public static final String FLAG = "--allocId";

    private AllocTags() {
    }

    /**
     * The allocation named in {@code args}, in either the {@code --allocId=<id>} or {@code --allocId <id>} form; a
     * keyed tag's checksum ({@code <id>.<checksum>}) is bitalloc's to check, so only the id is read here.
     */
    public static Option<AllocationId> find(List<String> args) {
        return value(args).flatMap(AllocTags::parse);
    }

    /** The tag a script passes on to its own children, exactly as it got it (the RFD's inheritAllocatorArgs). */
    public static List<String> inherit(List<String> parentArgs) {
        return value(parentArgs).map(tag -> List.of(FLAG + "=" + tag)).getOrElse(List.empty());
    }

    private static Option<String> value(List<String> args) {
        List<String> rest = args;
        while (!rest.isEmpty()) {
            String arg = rest.head();
            if (arg.startsWith(FLAG + "=")) {
                return Option.some(arg.substring(FLAG.length() + 1));
            }
            if (arg.equals(FLAG) && !rest.tail().isEmpty()) {
                return Option.some(rest.tail().head());
            }
            rest = rest.tail();
        }
        return Option.none();
    }

    /** The arguments without any tag: what the script itself reads. */
    public static List<String> withoutTag(List<String> args) {
        List<String> kept = List.empty();
        List<String> rest = args;
        while (!rest.isEmpty()) {
            String arg = rest.head();
            if (arg.equals(FLAG) && !rest.tail().isEmpty()) {
                rest = rest.tail().tail();
                continue;
            }
            if (!arg.startsWith(FLAG + "=")) {
                kept = kept.prepend(arg);
            }
            rest = rest.tail();
        }
        return kept.reverse();
    }

    private static Option<AllocationId> parse(String text) {
        int checksum = text.indexOf('.');
        String id = checksum < 0 ? text : text.substring(0, checksum);
        return Try.of(() -> AllocationId.parse(id)).toOption();
    }
}

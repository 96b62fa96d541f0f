package bitalloc.adapters.http.json;

import io.vavr.collection.List;
import java.util.Locale;

/** How enum constants appear on the wire: lower case with hyphens (HELPERS_STARVED is "helpers-starved"). */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> String all(Class<E> type) {
        return List.of(type.getEnumConstants()).map(WireNames::of).mkString("[", ", ", "]");
    }
}

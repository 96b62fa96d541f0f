package bitalloc.adapters.http.security;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where bitalloc keeps its files: {@code $BITALLOC_HOME}, else {@code $XDG_DATA_HOME/bitalloc}, else
 * {@code ~/.local/share/bitalloc}.
 */
public record DataDirectory(Path path) {

    /** Environment and home are passed in so tests never touch the real ones. */
    public static DataDirectory resolve(Map<String, String> environment, Path userHome) {
        String explicit = environment.get("BITALLOC_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new DataDirectory(Path.of(explicit));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new DataDirectory(Path.of(xdg, "bitalloc"));
        }
        return new DataDirectory(userHome.resolve(".local").resolve("share").resolve("bitalloc"));
    }
}

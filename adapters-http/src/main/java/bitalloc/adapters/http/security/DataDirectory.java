package bitalloc.adapters.http.security;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where bitalloc keeps its files: {@code $BITALLOC_HOME}, else {@code $XDG_DATA_HOME/bitalloc}, else
 * {@code ~/.local/share/bitalloc}. Environment and home are passed in so tests never touch the real ones.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(Map<String, String> environment, Path userHome) {
        String explicit = environment.get("BITALLOC_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "bitalloc");
        }
        return userHome.resolve(".local").resolve("share").resolve("bitalloc");
    }
}

package bitalloc.adapters.http.remote;

import java.util.Set;

/** One file to push to the game: its path there ("bitalloc/agent.js") and its text. */
public record ScriptFile(String filename, String content) {

    /** The extensions the game's pushFile accepts (BITBURNER.md §7). */
    static final Set<String> EXTENSIONS = Set.of(".js", ".jsx", ".ts", ".tsx", ".script", ".txt", ".json");

    public ScriptFile {
        if (filename == null || filename.isBlank() || filename.startsWith("/")) {
            throw new IllegalArgumentException("a game path has no leading slash: " + filename);
        }
        if (EXTENSIONS.stream().noneMatch(filename::endsWith)) {
            throw new IllegalArgumentException("the game refuses this file type: " + filename);
        }
        if (content == null) {
            throw new IllegalArgumentException("content must not be null: " + filename);
        }
    }

    /** Whether the game can tell its RAM (text files have none). */
    boolean isScript() {
        return !filename.endsWith(".txt") && !filename.endsWith(".json");
    }
}

package bitalloc.ingame;

import java.util.Objects;

/**
 * One file to put on the game's home server: its path in the game (for example {@code bitalloc/agent.js},
 * the {@code filename} of the Remote API's {@code pushFile}) and its text.
 */
public record IngameScript(String gameFileName, String content) {

    public IngameScript {
        Objects.requireNonNull(gameFileName, "gameFileName");
        Objects.requireNonNull(content, "content");
    }
}

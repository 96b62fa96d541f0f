package bitalloc.ingame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The in-game JavaScript scripts bitalloc ships as classpath resources under {@code bitalloc/ingame/}, so the
 * HTTP adapter can push them through the Remote API and a player can copy them by hand.
 */
public final class IngameScripts {

    /** Holds the server URL and the bearer token; {@link #forServer} fills both in. */
    public static final String CONFIG_FILE = "bitalloc/config.js";
    /** What the player runs: {@code run bitalloc/agent.js}. */
    public static final String AGENT_FILE = "bitalloc/agent.js";
    /** Every shipped file, each imported file before the files that import it. */
    public static final List<String> GAME_FILE_NAMES = List.of(
            CONFIG_FILE,
            "bitalloc/lib.js",
            "bitalloc/task.js",
            AGENT_FILE,
            "bitalloc/probe.js",
            "bitalloc/launch.js",
            "bitalloc/till.js",
            "bitalloc/sow.js",
            "bitalloc/harvest.js",
            "bitalloc/hack.js",
            "bitalloc/grow.js",
            "bitalloc/weaken.js",
            "bitalloc/xp.js");

    private static final String RESOURCE_ROOT = "bitalloc/ingame/";
    private static final Pattern URL_LINE = Pattern.compile("^export const BITALLOC_URL = .*;$", Pattern.MULTILINE);
    private static final Pattern TOKEN_LINE = Pattern.compile("^export const BITALLOC_TOKEN = .*;$", Pattern.MULTILINE);
    private static final Pattern RAM_COMMENT = Pattern.compile("^// RAM: (\\d+\\.\\d\\d) GB", Pattern.MULTILINE);

    private IngameScripts() {
    }

    /** The text of one shipped file, as it is in the jar (config.js with its defaults). */
    public static String read(String gameFileName) {
        if (!GAME_FILE_NAMES.contains(gameFileName)) {
            throw new IllegalArgumentException("not a shipped in-game file: " + gameFileName);
        }
        String resource = RESOURCE_ROOT + gameFileName;
        try (InputStream in = IngameScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    /**
     * The GB per thread a script's first line states ({@code // RAM: 3.90 GB = ...}), as text with two decimals;
     * the node tests check each statement against the game's static calculation. Empty for imported modules.
     */
    public static Optional<String> documentedRam(String gameFileName) {
        Matcher stated = RAM_COMMENT.matcher(read(gameFileName));
        return stated.find() ? Optional.of(stated.group(1)) : Optional.empty();
    }

    /** Every shipped file ready to push, config.js pointing at {@code serverUrl} with {@code bearerToken}. */
    public static List<IngameScript> forServer(URI serverUrl, String bearerToken) {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(bearerToken, "bearerToken");
        return GAME_FILE_NAMES.stream()
                .map(name -> new IngameScript(name, CONFIG_FILE.equals(name)
                        ? configFor(serverUrl, bearerToken)
                        : read(name)))
                .collect(Collectors.toUnmodifiableList());
    }

    /** config.js with both values replaced, each written as a JavaScript string literal. */
    public static String configFor(URI serverUrl, String bearerToken) {
        String config = read(CONFIG_FILE);
        config = URL_LINE.matcher(config).replaceFirst(Matcher.quoteReplacement(
                "export const BITALLOC_URL = " + javaScriptString(serverUrl.toString()) + ";"));
        return TOKEN_LINE.matcher(config).replaceFirst(Matcher.quoteReplacement(
                "export const BITALLOC_TOKEN = " + javaScriptString(bearerToken) + ";"));
    }

    static String javaScriptString(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c > 0x7e) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}

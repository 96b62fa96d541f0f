package bitalloc.domain.host;

import java.util.regex.Pattern;

/** A host-name glob: {@code *} matches any run of characters, {@code ?} one character, the rest literally. */
public final class HostNamePattern {

    private final String glob;
    private final Pattern regex;

    private HostNamePattern(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("host name pattern must not be blank");
        }
        this.glob = glob;
        this.regex = Pattern.compile(toRegex(glob));
    }

    public static HostNamePattern glob(String glob) {
        return new HostNamePattern(glob);
    }

    public boolean matches(HostName host) {
        return regex.matcher(host.value()).matches();
    }

    public String glob() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return regex.append(Pattern.quote(literal.toString())).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostNamePattern pattern && pattern.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }
}

package bitalloc.adapters.http.requests;

/**
 * Walks JSON of the plainest kind straight over its bytes: keys and strings of printable ASCII without escapes,
 * numbers without sign, exponent or leading zero. Everything else (and every syntax error) throws {@link NotPlain},
 * so a caller only ever reads text that a full JSON parser reads the same way, and leaves the rest to one.
 */
final class PlainJsonCursor {

    /** The text is not of the plain kind; thrown without a stack trace, since it only means "read it fully". */
    static final class NotPlain extends RuntimeException {
        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final int DEEPEST = 64;

    private final byte[] bytes;
    private final int end;
    private int position;
    /** The last string read: bytes from {@code textStart} (inclusive) to {@code textEnd} (exclusive). */
    private int textStart;
    private int textEnd;

    PlainJsonCursor(byte[] bytes) {
        this.bytes = bytes;
        this.end = bytes.length;
    }

    static NotPlain notPlain() {
        return NOT_PLAIN;
    }

    byte[] bytes() {
        return bytes;
    }

    int position() {
        return position;
    }

    int textStart() {
        return textStart;
    }

    int textLength() {
        return textEnd - textStart;
    }

    /** The next byte that is not white space, not consumed. */
    byte peek() {
        while (position < end) {
            byte next = bytes[position];
            if (next != ' ' && next != '\n' && next != '\r' && next != '\t') {
                return next;
            }
            position++;
        }
        throw NOT_PLAIN;
    }

    void expect(char wanted) {
        if (peek() != wanted) {
            throw NOT_PLAIN;
        }
        position++;
    }

    boolean take(char wanted) {
        if (peek() != wanted) {
            return false;
        }
        position++;
        return true;
    }

    /** Only white space is left. */
    void expectEnd() {
        while (position < end) {
            byte next = bytes[position++];
            if (next != ' ' && next != '\n' && next != '\r' && next != '\t') {
                throw NOT_PLAIN;
            }
        }
    }

    /** A string of printable ASCII; its text is then at {@link #textStart} for {@link #textLength} bytes. */
    void string() {
        expect('"');
        byte[] text = bytes;
        int start = position;
        int at = start;
        while (true) {
            if (at >= end) {
                throw NOT_PLAIN;
            }
            byte next = text[at++];
            if (next == '"') {
                break;
            }
            // Negative bytes are non-ASCII; escapes and control characters are left to the full parser too.
            if (next < 0x20 || next == '\\') {
                throw NOT_PLAIN;
            }
        }
        position = at;
        textStart = start;
        textEnd = at - 1;
    }

    /** The key {@code "name":} when it is next (consumed); false leaves the text as it was. */
    boolean key(byte[] name) {
        if (peek() != '"' || position + name.length + 1 >= end || bytes[position + name.length + 1] != '"') {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (bytes[position + 1 + i] != name[i]) {
                return false;
            }
        }
        position += name.length + 2;
        expect(':');
        return true;
    }

    /** Any key and its colon; its text is then at {@link #textStart}. */
    void anyKey() {
        string();
        expect(':');
    }

    boolean textIs(byte[] name) {
        if (textLength() != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (bytes[textStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Digits only, at most {@code maxDigits}, and neither a fraction nor an exponent after them. */
    long whole(int maxDigits) {
        long value = digits(maxDigits);
        if (position < end && (bytes[position] == '.' || bytes[position] == 'e' || bytes[position] == 'E')) {
            throw NOT_PLAIN;
        }
        return value;
    }

    /** Whole GB or GB with one or two decimals, in hundredths of a GB. */
    long hundredths(int maxWholeDigits) {
        long value = digits(maxWholeDigits) * 100;
        if (position < end && bytes[position] == '.') {
            position++;
            int first = position < end ? digitAt(position) : -1;
            int second = position + 1 < end ? digitAt(position + 1) : -1;
            if (first < 0) {
                throw NOT_PLAIN;
            }
            value += first * 10L;
            position++;
            if (second >= 0) {
                value += second;
                position++;
                if (position < end && digitAt(position) >= 0) {
                    throw NOT_PLAIN;
                }
            }
        }
        if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
            throw NOT_PLAIN;
        }
        return value;
    }

    /** An integer as the text it is written with: optional minus, digits, no fraction or exponent. */
    void integerText(int maxDigits) {
        int start = position;
        if (peek() == '-') {
            start = position++;
        }
        whole(maxDigits);
        textStart = start;
        textEnd = position;
    }

    /** Skips any value, checking only what finds its end; its text is what a full parser is then given. */
    void skipValue() {
        skipValue(0);
    }

    private void skipValue(int depth) {
        if (depth > DEEPEST) {
            throw NOT_PLAIN;
        }
        byte first = peek();
        if (first == '"') {
            skipString();
        } else if (first == '{' || first == '[') {
            char close = first == '{' ? '}' : ']';
            position++;
            if (take(close)) {
                return;
            }
            do {
                if (first == '{') {
                    skipString();
                    expect(':');
                }
                skipValue(depth + 1);
            } while (take(','));
            expect(close);
        } else {
            int start = position;
            while (position < end && isScalarByte(bytes[position])) {
                position++;
            }
            if (position == start) {
                throw NOT_PLAIN;
            }
        }
    }

    /** A string whose text the full parser decodes (UTF-8 included); only escapes are refused, to find its end. */
    private void skipString() {
        expect('"');
        while (true) {
            if (position >= end) {
                throw NOT_PLAIN;
            }
            byte next = bytes[position++];
            if (next == '"') {
                return;
            }
            if (next == '\\' || (next >= 0 && next < 0x20)) {
                throw NOT_PLAIN;
            }
        }
    }

    private static boolean isScalarByte(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '-' || b == '+'
                || b == '.';
    }

    private long digits(int maxDigits) {
        peek();
        byte[] text = bytes;
        int start = position;
        int at = start;
        long value = 0;
        while (at < end) {
            int digit = text[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            at++;
        }
        position = at;
        int count = at - start;
        if (count == 0 || count > maxDigits || (count > 1 && text[start] == '0')) {
            throw NOT_PLAIN;
        }
        return value;
    }

    private int digitAt(int at) {
        int digit = bytes[at] - '0';
        return digit >= 0 && digit <= 9 ? digit : -1;
    }
}

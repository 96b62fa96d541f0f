package bitalloc.adapters.http.requests;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of the string or number the parser is on, with one {@link String} per distinct short text: script names
 * and most arguments repeat across the thousands of processes of a scan, so most of them cost a lookup instead of a
 * new string. Direct-mapped and bounded: a miss simply replaces the entry.
 */
final class RepeatedTexts {

    private static final int LONGEST_KEPT = 32;
    private final String[] kept = new String[1024];

    String of(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length > LONGEST_KEPT) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = (hash ^ hash >>> 16) & (kept.length - 1);
        String known = kept[slot];
        if (known != null && sameText(known, chars, offset, length)) {
            return known;
        }
        String text = new String(chars, offset, length);
        kept[slot] = text;
        return text;
    }

    /** The same for printable ASCII text in {@code bytes} (one byte per character). */
    String ofAscii(byte[] bytes, int offset, int length) {
        if (length > LONGEST_KEPT) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + bytes[offset + i];
        }
        int slot = (hash ^ hash >>> 16) & (kept.length - 1);
        String known = kept[slot];
        if (known != null && sameText(known, bytes, offset, length)) {
            return known;
        }
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        kept[slot] = text;
        return text;
    }

    private static boolean sameText(String known, byte[] bytes, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameText(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}

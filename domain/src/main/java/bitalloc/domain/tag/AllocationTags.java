package bitalloc.domain.tag;

import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes and reads the allocation tag children carry in their arguments (DESIGN A4, RFD §2).
 * The tag is {@code --allocId=<uuid>}; the two-argument form {@code --allocId <uuid>} is recognised too.
 * With a {@link TagKey}, the value carries a short keyed checksum: {@code <uuid>.<8 hex digits>}.
 */
public final class AllocationTags {

    public static final String FLAG = "--allocId";
    private static final String FLAG_WITH_VALUE = FLAG + "=";
    private static final char CHECKSUM_SEPARATOR = '.';
    private static final int UUID_LENGTH = 36;
    private static final int CHECKSUM_BYTES = 4;

    private final Option<TagKey> key;

    private AllocationTags(Option<TagKey> key) {
        this.key = key;
    }

    public static AllocationTags unkeyed() {
        return new AllocationTags(Option.none());
    }

    public static AllocationTags keyed(TagKey key) {
        return new AllocationTags(Option.of(key));
    }

    public static AllocationTags of(Option<TagKey> key) {
        return new AllocationTags(key);
    }

    /** The single argument that tags a child with {@code id}. */
    public String tagArgument(AllocationId id) {
        return FLAG_WITH_VALUE + tagValue(id);
    }

    /** {@code args} with the tag for {@code id} appended, as a launch passes them to the game. */
    public List<String> withTag(AllocationId id, List<String> args) {
        return args.append(tagArgument(id));
    }

    /** Reads the first tag in {@code args}; a tag that is malformed or fails the checksum reads as forged. */
    public TagReading read(List<String> args) {
        return read(args.toJavaArray(String[]::new));
    }

    /** As {@link #read(List)}, over arguments a scan keeps in an array. */
    public TagReading read(String[] args) {
        String value = findTagValue(args);
        return value == null ? TagReading.UNTAGGED : readValue(value);
    }

    /**
     * The tag arguments a task must pass on to the children it starts, taken from its own arguments
     * (the RFD's {@code inheritAllocatorArgs}): empty when the task carries no tag. Copied verbatim, checksum
     * included, so a task never needs the key.
     */
    public static List<String> inheritAllocatorArgs(List<String> args) {
        String value = findTagValue(args.toJavaArray(String[]::new));
        return value == null ? List.empty() : List.of(FLAG_WITH_VALUE + value);
    }

    /** The first tag's value, or null when no argument is a tag. */
    private static String findTagValue(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith(FLAG_WITH_VALUE)) {
                return arg.substring(FLAG_WITH_VALUE.length());
            }
            if (arg.equals(FLAG) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    private TagReading readValue(String value) {
        int separator = value.indexOf(CHECKSUM_SEPARATOR);
        String uuidText = separator < 0 ? value : value.substring(0, separator);
        Option<AllocationId> id = parseUuid(uuidText);
        if (id.isEmpty()) {
            return new TagReading.Forged(value);
        }
        if (key.isDefined()) {
            String checksum = separator < 0 ? "" : value.substring(separator + 1);
            if (!checksum.equals(checksum(key.get(), id.get()))) {
                return new TagReading.Forged(value);
            }
        }
        return new TagReading.Tagged(id.get());
    }

    private String tagValue(AllocationId id) {
        return key.map(secret -> id + String.valueOf(CHECKSUM_SEPARATOR) + checksum(secret, id))
                .getOrElse(id::toString);
    }

    /**
     * Only the canonical 36-character form (hex digits of either case, dashes at 8, 13, 18 and 23) is a tag, as a
     * real tag always is; read by hand because every new process of a poll may carry one.
     */
    private static Option<AllocationId> parseUuid(String text) {
        if (text.length() != UUID_LENGTH) {
            return Option.none();
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return Option.none();
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return Option.none();
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return Option.of(new AllocationId(new UUID(high, low)));
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String checksum(TagKey key, AllocationId id) {
        MessageDigest sha256 = sha256();
        sha256.update(key.bytes());
        sha256.update((byte) 0);
        sha256.update(id.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] digest = sha256.digest();
        return HexFormat.of().formatHex(digest, 0, CHECKSUM_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

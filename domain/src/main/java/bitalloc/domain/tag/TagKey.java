package bitalloc.domain.tag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The secret that keys tag checksums, so a script cannot fake a tag by copying a UUID shape. */
public final class TagKey {

    private final byte[] secret;

    private TagKey(byte[] secret) {
        this.secret = secret;
    }

    public static TagKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a tag key must not be blank");
        }
        return new TagKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return Arrays.copyOf(secret, secret.length);
    }

    @Override
    public String toString() {
        return "TagKey[hidden]";
    }
}

package bitalloc.adapters.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret every state-changing call must present as {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private static final int RANDOM_BYTES = 32;
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;
    private final String value;

    private BearerToken(String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a token is a non-blank word");
        }
        this.value = value;
        this.expected = value.getBytes(StandardCharsets.US_ASCII);
    }

    public static BearerToken of(String value) {
        return new BearerToken(value);
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static BearerToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Checks an Authorization header value in time independent of where it differs from the token. */
    public boolean acceptsHeader(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, expected);
    }

    /** The token itself, for the token file and the scripts bitalloc pushes; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}

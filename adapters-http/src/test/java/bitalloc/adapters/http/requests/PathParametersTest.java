package bitalloc.adapters.http.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The path's ids are checked by hand (they are on every allocation call); the checks match the textual forms. */
class PathParametersTest {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,16}");
    /** Hex digits, dashes, their neighbours in ASCII, and digits and letters from beyond ASCII. */
    private static final char[] ALPHABET = "0123456789abcdefABCDEF-gG/:@`{Zz \u0663\uff21".toCharArray();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void accepts_an_allocation_id_exactly_when_it_has_the_uuid_text_form(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            String text = candidate(random);
            assertEquals(UUID_FORM.matcher(text).matches(), PathParameters.allocationId(text).isValid(),
                    () -> "seed " + seed + ": '" + text + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1", "12", "+1", "-1", "1e3", " 1", "\u0663", "9007199254740991",
            "9007199254740992", "1234567890123456", "12345678901234567"})
    void accepts_a_pid_only_as_a_whole_number_within_the_safe_range(String text) {
        boolean expected = WHOLE_NUMBER.matcher(text).matches() && Long.parseLong(text) >= 1
                && Long.parseLong(text) <= (1L << 53) - 1;
        assertEquals(expected, PathParameters.pid(text).isValid(), text);
    }

    /** Mostly near-misses of the UUID form: a real one with a character or two changed, or a length off by one. */
    private static String candidate(SplittableRandom random) {
        StringBuilder text = new StringBuilder(new UUID(random.nextLong(), random.nextLong()).toString());
        if (random.nextBoolean()) {
            text = new StringBuilder(text.toString().toUpperCase(Locale.ROOT));
        }
        int changes = random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            text.setCharAt(random.nextInt(text.length()), ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        switch (random.nextInt(6)) {
            case 0 -> text.deleteCharAt(random.nextInt(text.length()));
            case 1 -> text.insert(random.nextInt(text.length() + 1), ALPHABET[random.nextInt(ALPHABET.length)]);
            default -> { }
        }
        return text.toString();
    }
}

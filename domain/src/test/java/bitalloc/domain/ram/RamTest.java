package bitalloc.domain.ram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** RAM is exact hundredths of a GB: no floating point in any capacity decision. */
class RamTest {

    @Test
    void parses_the_games_decimal_numbers_exactly() {
        assertEquals(Ram.ofHundredths(175), Ram.parse("1.75"));
        assertEquals(Ram.ofHundredths(800), Ram.parse("8"));
        assertEquals(Ram.ofHundredths(160), Ram.parse("1.60"));
    }

    @Test
    void rounds_float_noise_from_the_game_to_the_nearest_hundredth() {
        assertEquals(Ram.parse("1.7"), Ram.fromReportedGb(32.0 - 30.3));
        assertEquals(Ram.parse("0.3"), Ram.fromReportedGb(0.1 + 0.2));
    }

    @Test
    void rejects_more_precision_than_the_game_has_and_negative_amounts() {
        assertThrows(IllegalArgumentException.class, () -> Ram.parse("1.755"));
        assertThrows(IllegalArgumentException.class, () -> Ram.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Ram.parse("1.7GB"));
    }

    @Test
    void counts_whole_chunks_exactly() {
        assertEquals(1, Ram.parse("1.7").chunksOf(Ram.parse("1.7")));
        assertEquals(3, Ram.parse("5.25").chunksOf(Ram.parse("1.75")));
    }

    @Test
    void subtraction_below_zero_is_a_programming_error_unless_floored_on_purpose() {
        assertThrows(IllegalArgumentException.class, () -> Ram.parse("1").minus(Ram.parse("2")));
        assertEquals(Ram.ZERO, Ram.parse("1").minusOrZero(Ram.parse("2")));
    }

    @Test
    void percentages_round_up_to_stay_on_the_safe_side() {
        assertEquals(Ram.ofHundredths(1), Ram.ofHundredths(1).percentCeil(10));
        assertEquals(Ram.parse("102.4"), Ram.ofGb(1024).percentCeil(10));
    }
}

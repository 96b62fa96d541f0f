package bitalloc.domain.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitalloc.domain.ram.Ram;
import org.junit.jupiter.api.Test;

/** DESIGN A7: the reserved estimators side by side. */
class ReservedEstimatorTest {

    private static Ram gb(String gb) {
        return Ram.parse(gb);
    }

    private static ForeignObservation seen(String used, String accounted, String foreign, String exited) {
        return new ForeignObservation(gb(used), gb(accounted), gb(foreign), gb(exited));
    }

    @Test
    void delta_is_used_minus_what_the_ledger_accounts_for() {
        ReservedEstimator delta = new ReservedEstimator.Delta();

        assertEquals(gb("6"), delta.next(gb("0"), seen("10", "4", "3", "0")));
        assertEquals(gb("0"), delta.next(gb("0"), seen("2", "16", "1", "0")));
    }

    @Test
    void exact_is_this_polls_foreign_ram() {
        assertEquals(gb("3"), new ReservedEstimator.Exact().next(gb("50"), seen("10", "4", "3", "0")));
    }

    @Test
    void ema_smooths_with_alpha_on_the_previous_estimate() {
        ReservedEstimator ema = new ReservedEstimator.Ema(Alpha.DEFAULT);

        assertEquals(gb("7"), ema.next(gb("10"), seen("0", "0", "0", "0")));
        assertEquals(gb("13"), ema.next(gb("10"), seen("20", "0", "20", "0")));
    }

    @Test
    void ema_can_lag_below_the_foreign_ram_actually_there() {
        Ram estimate = new ReservedEstimator.Ema(Alpha.DEFAULT).next(gb("0"), seen("20", "0", "20", "0"));

        assertEquals(gb("6"), estimate);
    }

    @Test
    void ema_decays_all_the_way_to_zero() {
        ReservedEstimator ema = new ReservedEstimator.Ema(Alpha.DEFAULT);
        Ram estimate = gb("1");
        for (int poll = 0; poll < 30; poll++) {
            estimate = ema.next(estimate, seen("0", "0", "0", "0"));
        }
        assertEquals(Ram.ZERO, estimate);
    }

    @Test
    void hybrid_is_never_below_this_polls_foreign_ram() {
        ReservedEstimator hybrid = new ReservedEstimator.Hybrid(Alpha.DEFAULT);

        assertEquals(gb("20"), hybrid.next(gb("0"), seen("20", "0", "20", "0")));
    }

    @Test
    void hybrid_drops_at_once_by_the_ram_of_foreign_processes_seen_to_exit() {
        ReservedEstimator hybrid = new ReservedEstimator.Hybrid(Alpha.DEFAULT);

        assertEquals(gb("5"), hybrid.next(gb("25"), seen("5", "0", "5", "20")));
    }

    @Test
    void hybrid_smooths_only_the_unexplained_remainder() {
        ReservedEstimator hybrid = new ReservedEstimator.Hybrid(Alpha.DEFAULT);

        // 10 GB vanished without any process seen to exit: decays like the average, never below foreign.
        assertEquals(gb("12"), hybrid.next(gb("15"), seen("5", "0", "5", "0")));
    }

    @Test
    void alpha_is_parsed_from_a_decimal_and_must_lie_below_one() {
        assertEquals(new Alpha(850), Alpha.parse("0.85"));
        assertEquals("0.7", Alpha.DEFAULT.toString());
        assertThrows(IllegalArgumentException.class, () -> Alpha.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Alpha.parse("0.1234"));
    }
}

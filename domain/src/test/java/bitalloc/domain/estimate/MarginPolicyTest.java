package bitalloc.domain.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.domain.ram.Ram;
import org.junit.jupiter.api.Test;

/** DESIGN A8: static and adaptive safety margins. */
class MarginPolicyTest {

    private static Ram gb(String gb) {
        return Ram.parse(gb);
    }

    @Test
    void the_rfd_margin_is_eight_gb_or_ten_percent_whichever_is_larger() {
        assertEquals(gb("8"), MarginPolicy.Static.RFD.initial(gb("32")));
        assertEquals(gb("102.4"), MarginPolicy.Static.RFD.initial(gb("1024")));
        assertEquals(gb("8"), MarginPolicy.Static.RFD.afterClash(gb("8"), gb("8")));
    }

    @Test
    void the_static_margin_is_configurable() {
        MarginPolicy.Static small = new MarginPolicy.Static(gb("0.5"), 2);

        assertEquals(gb("0.5"), small.initial(gb("8")));
        assertEquals(gb("20.48"), small.afterPoll(gb("0.5"), gb("1024"), gb("4")));
    }

    private final MarginPolicy.Adaptive adaptive = new MarginPolicy.Adaptive(gb("1"), 150, 10, gb("4"));

    @Test
    void an_adaptive_margin_starts_at_its_floor_and_stays_there_while_nothing_foreign_happens() {
        Ram margin = adaptive.initial(gb("8"));
        for (int poll = 0; poll < 10; poll++) {
            margin = adaptive.afterPoll(margin, gb("8"), Ram.ZERO);
        }
        assertEquals(gb("1"), margin);
    }

    @Test
    void an_adaptive_margin_rises_at_once_with_an_observed_foreign_rise() {
        assertEquals(gb("6"), adaptive.afterPoll(gb("1"), gb("64"), gb("4")));
        assertEquals(gb("9"), adaptive.afterPoll(gb("9"), gb("64"), gb("2")));
    }

    @Test
    void an_adaptive_margin_decays_slowly_to_its_floor_while_the_host_is_quiet() {
        Ram margin = gb("11");
        margin = adaptive.afterPoll(margin, gb("64"), Ram.ZERO);
        assertEquals(gb("10"), margin);
        for (int poll = 0; poll < 300; poll++) {
            margin = adaptive.afterPoll(margin, gb("64"), Ram.ZERO);
        }
        assertEquals(gb("1"), margin);
    }

    @Test
    void an_adaptive_margin_is_raised_at_once_after_a_clash() {
        assertEquals(gb("5"), adaptive.afterClash(gb("1"), gb("64")));
        assertEquals(gb("12"), adaptive.afterClash(gb("6"), gb("64")));
    }

    @Test
    void the_default_margin_learns_from_clashes_only_so_a_foreign_rise_does_not_hold_ram_after_the_exit() {
        MarginPolicy.Adaptive byDefault = MarginPolicy.Adaptive.DEFAULT;

        Ram afterRise = byDefault.afterPoll(byDefault.initial(gb("64")), gb("64"), gb("20"));
        Ram afterClash = byDefault.afterClash(afterRise, gb("64"));

        assertEquals(gb("0.25"), afterRise);
        assertEquals(gb("4.25"), afterClash);
    }

    @Test
    void a_rise_percent_between_zero_and_one_hundred_is_refused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MarginPolicy.Adaptive(gb("1"), 50, 10, gb("4")));
    }
}

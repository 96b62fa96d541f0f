package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.adapters.sim.metrics.ReclaimTracker;
import bitalloc.adapters.sim.metrics.Samples;
import org.junit.jupiter.api.Test;

class ReclaimTrackerTest {

    private final ReclaimTracker tracker = new ReclaimTracker(2, 5);

    @Test
    void an_exit_whose_ram_shows_up_at_the_next_poll_takes_one_poll() {
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        tracker.observe(0, 1300);
        assertEquals(1, tracker.polls().percentile(50));
        assertEquals(1, tracker.polls().size());
    }

    @Test
    void an_exit_reclaimed_only_after_a_smoothed_estimate_catches_up_counts_every_poll() {
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        tracker.observe(0, 1100);
        tracker.observe(0, 1200);
        tracker.observe(0, 1300);
        assertEquals(3, tracker.polls().max());
    }

    @Test
    void new_foreign_usage_since_the_last_poll_lowers_what_must_come_back() {
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        tracker.foreignStarted(0, 200);
        tracker.observe(0, 1100);
        assertEquals(1, tracker.polls().max());
    }

    @Test
    void an_exit_never_reclaimed_is_recorded_at_the_give_up_count() {
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        for (int i = 0; i < 7; i++) {
            tracker.observe(0, 1000);
        }
        assertEquals(5, tracker.polls().max());
        assertEquals(1, tracker.polls().size());
    }

    @Test
    void exits_on_a_host_no_poll_has_seen_are_not_tracked_and_a_reload_drops_pending_ones() {
        tracker.foreignExited(1, 300);
        tracker.observe(1, 1000);
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        tracker.gameReloaded();
        tracker.observe(0, 1000);
        tracker.close();
        assertEquals(0, tracker.polls().size());
    }

    @Test
    void pending_exits_at_the_end_count_as_a_lower_bound_once_they_missed_a_poll() {
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 300);
        tracker.observe(0, 1000);
        tracker.observe(0, 1000);
        tracker.foreignExited(0, 100);
        tracker.close();
        assertEquals(1, tracker.polls().size());
        assertEquals(3, tracker.polls().max());
    }

    @Test
    void percentiles_are_nearest_rank() {
        Samples samples = new Samples();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        assertEquals(50, samples.percentile(50));
        assertEquals(99, samples.percentile(99));
        assertEquals(0, new Samples().percentile(99));
    }
}

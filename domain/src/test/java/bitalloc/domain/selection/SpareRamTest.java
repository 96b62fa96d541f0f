package bitalloc.domain.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class SpareRamTest {

    private static final Ram THREAD = Ram.parse("1.75");
    private static final HostName A = HostName.of("a");
    private static final HostName B = HostName.of("b");
    private final SpareRam spare = new SpareRam(FillerScript.DEFAULT);

    private static RamBudget free(String a, String b) {
        return RamBudget.of(LinkedHashMap.of(A, Ram.parse(a), B, Ram.parse(b)));
    }

    private static Filler filler(long pid, HostName host, String gb) {
        return new Filler(Pid.of(pid), host, Ram.parse(gb));
    }

    @Test
    void spare_threads_are_the_whole_threads_each_host_holds_less_what_waiting_targets_would_take() {
        // 10 GB holds 5 threads, 3.6 GB holds 2; 3.6 GB of waiting demand is 3 threads (rounded up).
        assertEquals(4, spare.spareThreads(free("10", "3.6"), Ram.parse("3.6"), false));
        assertEquals(0, spare.spareThreads(free("10", "3.6"), Ram.parse("100"), false));
    }

    @Test
    void nothing_is_lent_while_a_stopped_filler_has_not_given_its_ram_back() {
        assertEquals(0, spare.spareThreads(free("10", "10"), Ram.ZERO, true));
    }

    @Test
    void no_filler_stops_for_a_task_that_already_fits() {
        RamFootprint task = new RamFootprint(A, Ram.parse("3"), Ram.parse("3.5"));
        assertEquals(List.empty(), spare.toStopFor(task, THREAD, free("8", "0"), List.of(filler(1, B, "17.5"))));
    }

    @Test
    void the_largest_filler_stops_first_until_the_task_and_its_helpers_fit() {
        RamFootprint task = new RamFootprint(A, Ram.parse("3"), Ram.parse("17.5"));
        List<Filler> running = List.of(filler(1, A, "3.5"), filler(2, B, "14"), filler(3, B, "7"));
        assertEquals(List.of(filler(2, B, "14"), filler(3, B, "7")),
                spare.toStopFor(task, THREAD, free("3", "0"), running));
    }

    @Test
    void when_no_host_can_take_the_task_script_a_filler_on_a_host_it_would_then_fit_stops_first() {
        RamFootprint task = new RamFootprint(A, Ram.parse("3.3"), Ram.ZERO);
        List<Filler> running = List.of(filler(1, A, "10.5"), filler(2, B, "1.75"));
        // b has 2 GB free: stopping its small filler lets the script fit there without touching the large one.
        assertEquals(List.of(filler(2, B, "1.75")), spare.toStopFor(task, THREAD, free("0", "2"), running));
    }

    @Test
    void a_contiguous_request_stops_the_smallest_filler_whose_host_could_then_hold_it() {
        List<Filler> running = List.of(filler(1, A, "14"), filler(2, B, "7"));
        // 5 chunks (8.75 GB) on one host. b: 3.5 free + 7 held = 6 chunks, enough, and the smaller filler.
        assertEquals(List.of(filler(2, B, "7")),
                spare.toStopForRequest(THREAD, 5, true, free("0", "3.5"), running));
        // b: 0 + 7 = 4 chunks, too few; a: 0 + 14 = 8 chunks.
        assertEquals(List.of(filler(1, A, "14")),
                spare.toStopForRequest(THREAD, 5, true, free("0", "0"), running));
    }

    @Test
    void a_spread_request_stops_the_largest_fillers_until_the_chunks_fit_anywhere() {
        List<Filler> running = List.of(filler(1, A, "3.5"), filler(2, B, "7"));
        assertEquals(List.of(filler(2, B, "7")),
                spare.toStopForRequest(THREAD, 5, false, free("3.5", "1.75"), running));
        assertEquals(List.empty(), spare.toStopForRequest(THREAD, 3, false, free("3.5", "1.75"), running));
    }

    @Test
    void room_is_worth_a_filler_from_an_eighth_of_its_host_or_a_256th_of_the_network() {
        Ram network = Ram.ofGb(65_536);
        assertTrue(SpareRam.worthAFiller(Ram.parse("32"), Ram.ofGb(256), network));
        assertFalse(SpareRam.worthAFiller(Ram.parse("31.99"), Ram.ofGb(256), network));
        // A small network: 1.75 GB on a 32 GB host is under an eighth of it but a 256th of the 448 GB in all.
        assertTrue(SpareRam.worthAFiller(Ram.parse("1.75"), Ram.ofGb(32), Ram.ofGb(448)));
        assertFalse(SpareRam.worthAFiller(Ram.parse("1.74"), Ram.ofGb(32), Ram.ofGb(448)));
        assertFalse(SpareRam.worthAFiller(Ram.ZERO, Ram.ZERO, Ram.ZERO), "no room is never worth a filler");
    }
}

package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.PLAIN;
import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.at;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.process;
import static bitalloc.domain.allocator.Fixtures.request;
import static bitalloc.domain.allocator.Fixtures.right;
import static bitalloc.domain.allocator.Fixtures.tagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.DroppedRegistration;
import bitalloc.domain.scan.HostScanResult;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per defect of the original TypeScript allocator that this design fixes. */
class OriginalDefectsTest {

    @Test
    void one_point_seven_gb_free_holds_one_one_point_seven_gb_chunk() {
        // In floating point 32 − 30.3 is 1.6999999999999993, and the original refused the chunk.
        Allocator allocator = allocator(PLAIN);
        Ram used = Ram.fromReportedGb(30.3);
        HostSnapshot host = new HostSnapshot(name("pserv-0"), HostKind.PURCHASED, 1, Ram.fromReportedGb(32.0), used,
                List.of(new ProcessSnapshot(Pid.of(4), "manual.js", 1, used, List.empty())));
        allocator.scan(SESSION, List.of(host), at(0));

        Allocation allocation = right(allocator.allocate(request("1.7", 1), SESSION, at(0)));

        assertEquals(1, allocation.chunks());
        assertEquals(Ram.ZERO, allocator.effectiveFree(name("pserv-0")));
    }

    @Test
    void a_stale_tag_is_not_counted_as_allocated() {
        Allocator allocator = allocator(PLAIN);
        AllocationId neverIssued = new AllocationId(new UUID(1, 2));

        HostScanResult result = allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16",
                process(5, "hack.js", 4, "1.75", "--allocId=" + neverIssued))), at(0)).hosts().head();

        assertEquals(gb("7"), result.foreign());
        assertEquals(gb("0"), result.ours());
        assertEquals(gb("9"), allocator.effectiveFree(name("a")));
    }

    @Test
    void an_allocation_whose_processes_all_exited_is_released_after_the_grace_period() {
        Allocator allocator = allocator(PLAIN.withAllocationGrace(Duration.ofSeconds(10)));
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16")), at(0));
        Allocation allocation = right(allocator.allocate(request("2", 4), SESSION, at(0)));
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16", tagged(7, allocation, 4, "2"))), at(1));

        List<ScanReport> reports = List.range(2, 9)
                .map(poll -> allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16")), at(poll)));

        assertTrue(reports.take(5).forAll(report -> report.expired().isEmpty()), "released within the grace");
        assertEquals(List.of(allocation.id()), reports.get(5).expired().map(expired -> expired.allocation().id()));
        assertEquals(gb("16"), allocator.effectiveFree(name("a")));
    }

    @Test
    void an_allocation_no_child_ever_claimed_is_released_after_the_grace_period() {
        Allocator allocator = allocator(PLAIN.withAllocationGrace(Duration.ofSeconds(10)));
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16")), at(0));
        Allocation allocation = right(allocator.allocate(request("2", 4), SESSION, at(0)));

        ScanReport report = List.range(1, 7)
                .map(poll -> allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "16")), at(poll))).last();

        assertEquals(List.of(allocation.id()), report.expired().map(expired -> expired.allocation().id()));
    }

    @Test
    void a_registered_pid_that_vanished_is_aged_out() {
        Allocator allocator = allocator(PLAIN);
        HostName home = name("home");
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32", process(3, "discovery.js", 1, "4"))), at(0));
        allocator.register(home, Pid.of(3), gb("4"), SESSION, at(0));
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32", process(3, "discovery.js", 1, "4"))), at(1));

        ScanReport grace = allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(2));
        ScanReport agedOut = allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(3));

        assertTrue(grace.droppedRegistrations().isEmpty());
        assertEquals(List.of(DroppedRegistration.Reason.PID_VANISHED),
                agedOut.droppedRegistrations().map(DroppedRegistration::reason));
        assertTrue(allocator.registrations().isEmpty());
        assertEquals(gb("32"), allocator.effectiveFree(home));
    }

    /**
     * The original compared every process with every allocation. Here the same process tables (half tagged with
     * 100 allocations) are scanned by an allocator holding just those and by one holding 20,000 more, alternately;
     * the best timings must stay within a small factor, where an O(processes × allocations) scan would be hundreds
     * of times slower.
     */
    @Test
    void a_scans_cost_does_not_grow_with_the_number_of_allocations() {
        ScanCost few = new ScanCost(0);
        ScanCost many = new ScanCost(20_000);
        for (int round = 1; round <= 25; round++) {
            few.scan(round);
            many.scan(round);
        }

        assertTrue(many.best < few.best * 4,
                "best scan with 20100 allocations took " + many.best + " ns, with 100 took " + few.best + " ns");
    }

    /** 10 hosts × 1,000 processes, half of them tagged with the 100 allocations granted on their host. */
    private static final class ScanCost {
        private final Allocator allocator = allocator(PLAIN.withAllocationGrace(Duration.ofDays(1)));
        private final List<HostSnapshot> tables;
        private long best = Long.MAX_VALUE;

        ScanCost(int idleAllocations) {
            int hosts = 10;
            allocator.scan(SESSION, List.range(0, hosts).map(h -> host("h" + h, HostKind.NETWORK, "100000")), at(0));
            Array<Allocation> referenced = Array.range(0, 100)
                    .map(i -> right(allocator.allocate(request("500", 1), SESSION, at(0))));
            for (int i = 0; i < idleAllocations; i++) {
                right(allocator.allocate(request("1", 1), SESSION, at(0)));
            }
            tables = List.range(0, hosts).map(h -> {
                Array<Allocation> onHost = referenced.filter(a -> a.grants().head().host().equals(name("h" + h)));
                return host("h" + h, HostKind.NETWORK, "100000", List.range(0, 1000).map(p -> p % 2 == 0
                        ? tagged(h * 1000L + p + 1, onHost.get(p % onHost.size()), 1, "1")
                        : process(h * 1000L + p + 1, "manual.js", 1, "0.1")).toJavaArray(ProcessSnapshot[]::new));
            });
        }

        void scan(int round) {
            long start = System.nanoTime();
            allocator.scan(SESSION, tables, at(round));
            best = Math.min(best, System.nanoTime() - start);
        }
    }
}

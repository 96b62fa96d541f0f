package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.PLAIN;
import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.TASK;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.at;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.process;
import static bitalloc.domain.allocator.Fixtures.request;
import static bitalloc.domain.allocator.Fixtures.right;
import static bitalloc.domain.allocator.Fixtures.tagged;
import static bitalloc.domain.allocator.Fixtures.withUnexplained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.ExitedProcess;
import bitalloc.domain.scan.HostScanResult;
import bitalloc.domain.scan.OverGrantUsage;
import bitalloc.domain.scan.ProcessOrigin;
import bitalloc.domain.scan.ScanReport;
import bitalloc.domain.tag.TagKey;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** DESIGN A6: every process classified, changes reported, nothing leaks. */
class ScanTest {

    private final Allocator allocator = allocator(PLAIN);

    private ScanReport scan(int poll, HostSnapshot... hosts) {
        return allocator.scan(SESSION, List.of(hosts), at(poll));
    }

    private Allocation allocateOn(String host, String maxGb, String chunkGb, int chunks) {
        scan(0, host(host, HostKind.NETWORK, maxGb));
        return right(allocator.allocate(request(chunkGb, chunks), SESSION, at(0)));
    }

    @Test
    void classifies_tagged_registered_and_foreign_processes() {
        Allocation allocation = allocateOn("a", "64", "2", 4);
        allocator.register(name("a"), Pid.of(20), gb("4"), SESSION, at(0));

        HostScanResult result = scan(1, host("a", HostKind.NETWORK, "64", tagged(10, allocation, 3, "2"),
                process(20, "agent.js", 1, "4"), process(30, "manual.js", 2, "1.5"))).hosts().head();

        assertEquals(gb("10"), result.ours());
        assertEquals(gb("3"), result.foreign());
        assertEquals(gb("64").minus(gb("8")).minus(gb("4")).minus(gb("3")), result.effectiveFree());
    }

    @Test
    void used_ram_that_no_process_explains_is_foreign() {
        HostScanResult result = scan(0, withUnexplained(host("home", HostKind.HOME, "64",
                process(3, "manual.js", 1, "2")), "8")).hosts().head();

        assertEquals(gb("10"), result.foreign());
        assertEquals(gb("54"), allocator.effectiveFree(name("home")));
    }

    @Test
    void reports_processes_that_exited_since_the_last_scan_with_what_they_were() {
        Allocation allocation = allocateOn("a", "64", "2", 4);
        scan(1, host("a", HostKind.NETWORK, "64", tagged(10, allocation, 1, "2"), process(30, "manual.js", 1, "1")));

        ScanReport report = scan(2, host("a", HostKind.NETWORK, "64"));

        assertEquals(List.of(
                new ExitedProcess(name("a"), Pid.of(10), "hack.js", List.of("n00dles", "--allocId=" + allocation.id()),
                        gb("2"), new ProcessOrigin.Tagged(allocation.id())),
                new ExitedProcess(name("a"), Pid.of(30), "manual.js", List.empty(), gb("1"), ProcessOrigin.FOREIGN)),
                report.exited().sortBy(exited -> exited.pid()));
        assertEquals(gb("1"), report.hosts().head().exitedForeign());
    }

    @Test
    void reports_tagged_usage_above_the_grant_and_keeps_it_off_the_free_ram() {
        Allocation allocation = allocateOn("a", "64", "2", 2);

        ScanReport report = scan(1, host("a", HostKind.NETWORK, "64", tagged(10, allocation, 3, "2")));

        assertEquals(List.of(new OverGrantUsage(allocation.id(), name("a"), gb("4"), gb("6"))), report.overGrant());
        assertEquals(gb("58"), allocator.effectiveFree(name("a")));
    }

    @Test
    void tagged_usage_on_a_host_without_a_grant_is_all_over_grant() {
        Allocation allocation = allocateOn("a", "64", "2", 2);

        ScanReport report = scan(1, host("a", HostKind.NETWORK, "64"),
                host("b", HostKind.NETWORK, "16", tagged(10, allocation, 1, "2")));

        assertEquals(List.of(new OverGrantUsage(allocation.id(), name("b"), gb("0"), gb("2"))), report.overGrant());
    }

    @Test
    void an_allocation_stays_alive_while_its_requester_runs_even_without_children() {
        Requester task = new Requester(name("a"), Pid.of(99));
        scan(0, host("a", HostKind.NETWORK, "64"));
        Allocation allocation = right(allocator.allocate(AllocationRequest.of(task, "hack.js", gb("2"), 2), SESSION,
                at(0)));

        for (int poll = 1; poll <= 20; poll++) {
            assertTrue(scan(poll, host("a", HostKind.NETWORK, "64", process(99, "task.js", 1, "4"))).expired()
                    .isEmpty());
        }
        ScanReport afterRequesterExit = scan(21, host("a", HostKind.NETWORK, "64"));
        ScanReport afterGrace = scan(27, host("a", HostKind.NETWORK, "64"));

        assertTrue(afterRequesterExit.expired().isEmpty());
        assertEquals(List.of(allocation.id()), afterGrace.expired().map(expired -> expired.allocation().id()));
    }

    @Test
    void a_claimed_process_without_a_tag_counts_as_ours_and_its_exit_ends_the_claim() {
        Allocation allocation = allocateOn("a", "64", "2", 4);
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 2, at(0)));

        HostScanResult seen = scan(1, host("a", HostKind.NETWORK, "64", process(10, "weaken.js", 2, "2"))).hosts()
                .head();
        ScanReport gone = scan(2, host("a", HostKind.NETWORK, "64"));

        assertEquals(gb("4"), seen.ours());
        assertEquals(List.of(Pid.of(10)), gone.droppedClaims().map(claim -> claim.pid()));
        assertEquals(0, allocator.allocation(allocation.id()).get().claimedChunksOn(name("a")));
    }

    @Test
    void a_claim_whose_pid_never_shows_is_dropped_after_one_poll_of_grace() {
        Allocation allocation = allocateOn("a", "64", "2", 4);
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 2, at(0)));

        assertTrue(scan(1, host("a", HostKind.NETWORK, "64")).droppedClaims().isEmpty());
        assertEquals(1, scan(2, host("a", HostKind.NETWORK, "64")).droppedClaims().size());
    }

    @Test
    void a_claim_made_after_the_process_was_first_seen_is_picked_up() {
        Allocation allocation = allocateOn("a", "64", "2", 4);
        scan(1, host("a", HostKind.NETWORK, "64", process(10, "weaken.js", 2, "2")));
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 2, at(1)));

        HostScanResult result = scan(2, host("a", HostKind.NETWORK, "64", process(10, "weaken.js", 2, "2")))
                .hosts().head();

        assertEquals(gb("4"), result.ours());
        assertEquals(gb("0"), result.foreign());
    }

    @Test
    void a_tag_that_fails_the_keyed_checksum_is_foreign() {
        Allocator keyed = allocator(PLAIN.withTagKey(TagKey.of("s3cret")));
        keyed.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64")), at(0));
        Allocation allocation = right(keyed.allocate(request("2", 2), SESSION, at(0)));
        String genuine = keyed.tags().tagArgument(allocation.id());

        HostScanResult result = keyed.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64",
                process(10, "hack.js", 1, "2", genuine),
                process(11, "fake.js", 1, "2", "--allocId=" + allocation.id()))), at(1)).hosts().head();

        assertEquals(gb("2"), result.ours());
        assertEquals(gb("2"), result.foreign());
    }

    @Test
    void a_process_of_a_released_allocation_turns_foreign_at_the_next_scan() {
        Allocation allocation = allocateOn("a", "64", "2", 2);
        HostSnapshot running = host("a", HostKind.NETWORK, "64", tagged(10, allocation, 2, "2"));
        scan(1, running);
        right(allocator.release(allocation.id()));

        HostScanResult result = scan(2, running).hosts().head();

        assertEquals(gb("4"), result.foreign());
        assertEquals(gb("60"), allocator.effectiveFree(name("a")));
    }

    @Test
    void a_game_reload_reports_old_pids_as_exited_and_keeps_allocations_whose_scripts_restart_with_their_tags() {
        Allocation allocation = allocateOn("a", "64", "2", 2);
        scan(1, host("a", HostKind.NETWORK, "64", tagged(10, allocation, 2, "2"), process(11, "manual.js", 1, "1")));

        ScanReport report = allocator.scan(SESSION.next(), List.of(host("a", HostKind.NETWORK, "64",
                tagged(1, allocation, 2, "2"), process(10, "other.js", 1, "1"))), at(2));

        assertTrue(report.sessionChanged());
        assertEquals(List.of(Pid.of(10), Pid.of(11)), report.exited().map(ExitedProcess::pid).sorted());
        assertEquals(gb("4"), report.hosts().head().ours());
        assertEquals(gb("1"), report.hosts().head().foreign());
    }

    @Test
    void a_host_missing_from_a_scan_is_reported_absent_and_its_processes_exited() {
        scan(0, host("a", HostKind.NETWORK, "64", process(1, "x.js", 1, "1")), host("b", HostKind.NETWORK, "8"));

        ScanReport report = scan(1, host("b", HostKind.NETWORK, "8"));

        assertEquals(List.of(name("a")), report.absentHosts());
        assertEquals(List.of(Pid.of(1)), report.exited().map(ExitedProcess::pid));
    }
}

package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.at;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.process;
import static bitalloc.domain.allocator.Fixtures.request;
import static bitalloc.domain.allocator.Fixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DESIGN A1: each host's ledger line, with effective free RAM derived from it. */
class LedgerTest {

    @Test
    void effective_free_is_max_less_set_aside_allocated_registered_reserved_and_margin() {
        Allocator allocator = allocator(AllocatorPolicy.DEFAULT
                .withEstimator(new ReservedEstimator.Exact())
                .withMargin(new MarginPolicy.Static(gb("8"), 10))
                .withSetAside(SetAsidePolicy.DEFAULT));
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, 8, "128", process(2, "manual.js", 1, "6"))),
                at(0));
        allocator.register(name("home"), Pid.of(3), gb("2.5"), SESSION, at(0));
        right(allocator.allocate(request("1.75", 4), SESSION, at(0)));

        HostLedgerView home = allocator.ledger(name("home")).get();

        assertEquals(new HostLedgerView(name("home"), HostKind.HOME, 8, gb("128"), gb("12.8"), gb("7"), gb("2.5"),
                gb("6"), gb("12.8"), gb("6"), Ram.ZERO, Option.of(at(0)), true, gb("86.9")), home);
        assertEquals(gb("86.9"), allocator.effectiveFree(name("home")));
    }

    @Test
    void effective_free_never_goes_below_zero() {
        Allocator allocator = allocator(AllocatorPolicy.DEFAULT.withMargin(MarginPolicy.Static.RFD));

        allocator.scan(SESSION, List.of(host("n00dles", HostKind.NETWORK, "4")), at(0));

        assertEquals(Ram.ZERO, allocator.effectiveFree(name("n00dles")));
    }

    @Test
    void a_host_no_scan_has_seen_has_nothing_free() {
        assertEquals(Ram.ZERO, allocator(Fixtures.PLAIN).effectiveFree(name("nowhere")));
    }

    @Test
    void a_clash_raises_the_adaptive_margin_of_its_host() {
        Allocator allocator = allocator(AllocatorPolicy.DEFAULT.withSetAside(SetAsidePolicy.NOTHING));
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64")), at(0));

        allocator.recordClash(name("a"));

        // The default floor (0.25 GB) plus the clash bump (4 GB).
        assertEquals(gb("4.25"), allocator.ledger(name("a")).get().margin());
    }

    @Test
    void a_restored_allocator_books_the_stored_allocations_and_registrations_at_once() {
        Allocator before = oneClaimAndOneRegistration();

        Allocator after = allocator(Fixtures.PLAIN.withAllocationGrace(Duration.ofSeconds(10)));
        after.restore(before.allocations(), before.registrations(), Option.some(SESSION), at(5));
        after.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64", process(3, "agent.js", 1, "1.6"),
                process(9, "weaken.js", 2, "2"))), at(6));

        assertEquals(before.allocations(), after.allocations());
        assertEquals(before.registrations(), after.registrations());
        assertEquals(gb("54.4"), after.effectiveFree(name("a")));
        assertTrue(after.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64", process(3, "agent.js", 1, "1.6"),
                process(9, "weaken.js", 2, "2"))), at(20)).expired().isEmpty(), "kept alive by its claimed pid");
    }

    @Test
    void a_restored_allocator_ends_the_stored_session_when_the_game_reloaded_while_it_was_down() {
        Allocator before = oneClaimAndOneRegistration();

        Allocator after = allocator(Fixtures.PLAIN.withAllocationGrace(Duration.ofSeconds(10)));
        after.restore(before.allocations(), before.registrations(), Option.some(SESSION), at(5));
        // After the reload, pid 9 is some other script of the player's: it must not confirm the stored claim.
        ScanReport report = after.scan(SESSION.next(), List.of(host("a", HostKind.NETWORK, "64",
                process(9, "weaken.js", 2, "2"))), at(6));

        assertTrue(report.sessionChanged(), "the first scan tells of the reload");
        assertEquals(1, report.droppedClaims().size(), report.toString());
        assertTrue(after.registrations().isEmpty(), "the agent of the old session is gone");
        assertEquals(gb("4"), after.ledger(name("a")).get().foreign(), "pid 9 (2 threads of 2 GB) is foreign now");
    }

    /** An allocation of four 2 GB chunks, two claimed by pid 9, and a 1.6 GB registration of pid 3, all on host a. */
    private static Allocator oneClaimAndOneRegistration() {
        Allocator allocator = allocator(Fixtures.PLAIN);
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64")), at(0));
        Allocation stored = right(allocator.allocate(request("2", 4), SESSION, at(0)));
        right(allocator.claim(stored.id(), name("a"), Pid.of(9), 2, at(0)));
        allocator.register(name("a"), Pid.of(3), gb("1.6"), SESSION, at(0));
        return allocator;
    }
}

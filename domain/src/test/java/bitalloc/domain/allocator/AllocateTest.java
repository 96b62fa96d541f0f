package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.PLAIN;
import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.T0;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.left;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.process;
import static bitalloc.domain.allocator.Fixtures.request;
import static bitalloc.domain.allocator.Fixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN A2: where chunks go, and how a request that cannot be met is refused. */
class AllocateTest {

    private final Allocator allocator = allocator(PLAIN);

    private void scan(bitalloc.domain.host.HostSnapshot... hosts) {
        allocator.scan(SESSION, List.of(hosts), T0);
    }

    @Test
    void prefers_the_host_with_more_effective_free_ram() {
        scan(host("small", HostKind.NETWORK, "16"), host("big", HostKind.NETWORK, "64"));

        Allocation allocation = right(allocator.allocate(request("2", 4), SESSION, T0));

        assertEquals(List.of(new Grant(name("big"), gb("2"), 4)), allocation.grants());
        assertEquals(gb("56"), allocator.effectiveFree(name("big")));
    }

    @Test
    void breaks_ties_by_host_name() {
        scan(host("b", HostKind.NETWORK, "16"), host("a", HostKind.NETWORK, "16"));

        Allocation allocation = right(allocator.allocate(request("1", 1), SESSION, T0));

        assertEquals(name("a"), allocation.grants().head().host());
    }

    @Test
    void spreads_chunks_over_hosts_most_free_first_when_no_single_host_holds_them() {
        scan(host("a", HostKind.NETWORK, "8"), host("b", HostKind.NETWORK, "16"), host("c", HostKind.NETWORK, "4"));

        Allocation allocation = right(allocator.allocate(request("4", 6), SESSION, T0));

        assertEquals(List.of(new Grant(name("b"), gb("4"), 4), new Grant(name("a"), gb("4"), 2)),
                allocation.grants());
    }

    @Test
    void a_contiguous_request_prefers_one_host_that_holds_it_all_over_a_preferred_host_that_does_not() {
        scan(host("home", HostKind.HOME, 8, "16"), host("big", HostKind.NETWORK, "64"));

        Allocation spread = right(allocator.allocate(request("8", 4).asCoreDependent(), SESSION, T0));
        right(allocator.release(spread.id()));
        Allocation contiguous = right(allocator.allocate(request("8", 4).asCoreDependent().asContiguous(), SESSION,
                T0));

        assertEquals(List.of(new Grant(name("home"), gb("8"), 2), new Grant(name("big"), gb("8"), 2)),
                spread.grants());
        assertEquals(List.of(new Grant(name("big"), gb("8"), 4)), contiguous.grants());
    }

    @Test
    void a_contiguous_request_spreads_when_no_host_can_hold_it_all() {
        scan(host("a", HostKind.NETWORK, "8"), host("b", HostKind.NETWORK, "8"));

        Allocation allocation = right(allocator.allocate(request("4", 3).asContiguous(), SESSION, T0));

        assertEquals(3, allocation.chunks());
        assertEquals(2, allocation.grants().size());
    }

    @Test
    void a_core_dependent_request_prefers_more_cores_and_home_among_equals() {
        scan(host("pserv-1", HostKind.PURCHASED, 1, "1024"), host("home", HostKind.HOME, 4, "64"),
                host("pserv-2", HostKind.PURCHASED, 4, "32"));

        Allocation allocation = right(allocator.allocate(request("2", 2).asCoreDependent(), SESSION, T0));

        assertEquals(name("home"), allocation.grants().head().host());
    }

    @Test
    void a_long_running_request_prefers_network_then_purchased_servers_and_home_last() {
        scan(host("home", HostKind.HOME, "1024"), host("pserv-1", HostKind.PURCHASED, "64"),
                host("n00dles", HostKind.NETWORK, "4"));

        Allocation first = right(allocator.allocate(request("4", 1).asLongRunning(), SESSION, T0));
        Allocation second = right(allocator.allocate(request("4", 1).asLongRunning(), SESSION, T0));
        Allocation spread = right(allocator.allocate(request("32", 3).asLongRunning(), SESSION, T0));

        assertEquals(name("n00dles"), first.grants().head().host());
        assertEquals(name("pserv-1"), second.grants().head().host());
        assertEquals(List.of(new Grant(name("pserv-1"), gb("32"), 1), new Grant(name("home"), gb("32"), 2)),
                spread.grants());
    }

    @Test
    void never_grants_beyond_a_hosts_effective_free_ram() {
        scan(host("a", HostKind.NETWORK, "10", process(7, "manual.js", 1, "3")));

        Allocation allocation = right(allocator.allocate(request("2", 3).asShrinkable(), SESSION, T0));

        assertEquals(3, allocation.chunks());
        assertEquals(gb("1"), allocator.effectiveFree(name("a")));
        assertEquals(new AllocationRefused.NothingFree(gb("2")), left(allocator.allocate(request("2", 1), SESSION, T0)));
    }

    @Test
    void refuses_all_or_nothing_and_says_how_much_is_free() {
        scan(host("a", HostKind.NETWORK, "8"), host("b", HostKind.NETWORK, "5"));

        AllocationRefused refusal = left(allocator.allocate(request("2", 8), SESSION, T0));

        assertEquals(new AllocationRefused.NotEnoughFree(gb("16"), gb("12")), refusal);
        assertEquals(gb("8"), allocator.effectiveFree(name("a")));
        assertEquals(gb("5"), allocator.effectiveFree(name("b")));
        assertTrue(allocator.allocations().isEmpty());
    }

    @Test
    void a_shrinkable_request_takes_what_fits() {
        scan(host("a", HostKind.NETWORK, "8"), host("b", HostKind.NETWORK, "5"));

        Allocation allocation = right(allocator.allocate(request("2", 8).asShrinkable(), SESSION, T0));

        assertEquals(6, allocation.chunks());
        assertEquals(gb("1"), allocator.effectiveFree(name("b")));
    }

    @Test
    void refuses_a_chunk_larger_than_any_host() {
        scan(host("a", HostKind.NETWORK, "8"), host("home", HostKind.HOME, "64"));
        AllocationRefused refusal = left(allocator.allocate(request("65", 1).asShrinkable(), SESSION, T0));

        assertEquals(new AllocationRefused.ChunkLargerThanAnyHost(gb("65"), gb("64")), refusal);
    }

    @Test
    void says_nothing_free_when_hosts_are_full_but_could_hold_the_chunk_later() {
        scan(host("a", HostKind.NETWORK, "8", process(3, "manual.js", 1, "7")));

        assertEquals(new AllocationRefused.NothingFree(gb("2")), left(allocator.allocate(request("2", 1), SESSION, T0)));
    }

    @Test
    void says_nothing_free_before_any_host_was_scanned() {
        assertEquals(new AllocationRefused.NothingFree(gb("2")), left(allocator.allocate(request("2", 1), SESSION, T0)));
    }

    @Test
    void growing_merges_new_chunks_into_the_grant_on_the_same_host() {
        scan(host("a", HostKind.NETWORK, "32"));
        Allocation allocation = right(allocator.allocate(request("2", 2), SESSION, T0));

        Allocation grown = right(allocator.grow(allocation.id(), 3, T0));

        assertEquals(List.of(new Grant(name("a"), gb("2"), 5)), grown.grants());
        assertEquals(gb("10"), allocator.ledger(name("a")).get().allocated());
    }

    @Test
    void growing_is_all_or_nothing_unless_shrinkable() {
        scan(host("a", HostKind.NETWORK, "8"));
        Allocation allocation = right(allocator.allocate(request("2", 2), SESSION, T0));

        assertEquals(new AllocationRefused.NotEnoughFree(gb("6"), gb("4")),
                left(allocator.grow(allocation.id(), 3, T0)));
        assertEquals(2, allocator.allocation(allocation.id()).get().chunks());
    }

    @Test
    void growing_an_unknown_allocation_is_refused() {
        AllocationId ghost = new AllocationId(new UUID(9, 9));

        assertEquals(new AllocationRefused.UnknownAllocation(ghost), left(allocator.grow(ghost, 1, T0)));
    }

    @Test
    void an_absent_host_receives_nothing() {
        scan(host("a", HostKind.NETWORK, "8"), host("b", HostKind.NETWORK, "64"));
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "8")), T0.plusSeconds(2));

        Allocation allocation = right(allocator.allocate(request("2", 1), SESSION, T0));

        assertEquals(name("a"), allocation.grants().head().host());
        assertEquals(Ram.ZERO, allocator.effectiveFree(name("b")));
    }

    @Test
    void a_malformed_request_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> request("0", 1));
        assertThrows(IllegalArgumentException.class, () -> request("1", 0));
    }
}

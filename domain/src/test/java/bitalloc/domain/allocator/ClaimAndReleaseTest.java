package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.PLAIN;
import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.T0;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.left;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.request;
import static bitalloc.domain.allocator.Fixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.ClaimOutcome;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DESIGN A3: claims label grants; every release is exact, idempotent and never clamps an over-free. */
class ClaimAndReleaseTest {

    private final Allocator allocator = allocator(PLAIN);
    private Allocation allocation;

    @BeforeEach
    void an_allocation_of_four_chunks_on_one_host() {
        allocator.scan(SESSION, List.of(host("a", HostKind.NETWORK, "64"), host("b", HostKind.NETWORK, "8")), T0);
        allocation = right(allocator.allocate(request("2", 4), SESSION, T0));
    }

    @Test
    void a_claim_labels_part_of_the_grant_with_a_pid() {
        ClaimOutcome outcome = right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0));

        assertInstanceOf(ClaimOutcome.Claimed.class, outcome);
        assertEquals(3, allocator.allocation(allocation.id()).get().claimedChunksOn(name("a")));
    }

    @Test
    void claiming_the_same_thing_twice_changes_nothing_and_says_so() {
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0));

        assertInstanceOf(ClaimOutcome.AlreadyClaimed.class,
                right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0)));
        assertEquals(1, allocator.allocation(allocation.id()).get().claims().size());
    }

    @Test
    void a_claim_can_never_exceed_the_grant_on_its_host() {
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0));

        assertEquals(new AllocationRefused.ClaimExceedsGrant(allocation.id(), name("a"), 2, 1),
                left(allocator.claim(allocation.id(), name("a"), Pid.of(11), 2, T0)));
        assertEquals(new AllocationRefused.ClaimExceedsGrant(allocation.id(), name("b"), 1, 0),
                left(allocator.claim(allocation.id(), name("b"), Pid.of(12), 1, T0)));
    }

    @Test
    void a_pid_runs_inside_one_allocation_only() {
        Allocation other = right(allocator.allocate(request("2", 1), SESSION, T0));
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 1, T0));

        assertEquals(new AllocationRefused.PidClaimedElsewhere(Pid.of(10), allocation.id()),
                left(allocator.claim(other.id(), name("a"), Pid.of(10), 1, T0)));
    }

    @Test
    void releasing_a_claim_keeps_its_chunks_granted_and_a_second_release_says_there_is_no_such_claim() {
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0));

        assertInstanceOf(ReleaseOutcome.ClaimReleased.class, right(allocator.releaseClaim(allocation.id(), Pid.of(10))));
        assertEquals(new ReleaseOutcome.NoSuchClaim(allocation.id(), Pid.of(10)),
                right(allocator.releaseClaim(allocation.id(), Pid.of(10))));
        assertEquals(4, allocator.allocation(allocation.id()).get().chunks());
        assertEquals(0, allocator.allocation(allocation.id()).get().claimedChunksOn(name("a")));
    }

    @Test
    void releasing_n_chunks_gives_exactly_that_ram_back() {
        ReleaseOutcome outcome = right(allocator.releaseChunks(allocation.id(), name("a"), 3));

        assertEquals(new ReleaseOutcome.Released(allocation.id(), List.of(new Grant(name("a"), gb("2"), 3)), false),
                outcome);
        assertEquals(gb("62"), allocator.effectiveFree(name("a")));
    }

    @Test
    void releasing_the_last_chunk_closes_the_allocation() {
        ReleaseOutcome outcome = right(allocator.releaseChunks(allocation.id(), name("a"), 4));

        assertEquals(new ReleaseOutcome.Released(allocation.id(), List.of(new Grant(name("a"), gb("2"), 4)), true),
                outcome);
        assertTrue(allocator.allocations().isEmpty());
        assertEquals(new ReleaseOutcome.AlreadyReleased(allocation.id()), right(allocator.release(allocation.id())));
    }

    @Test
    void freeing_more_chunks_than_granted_is_reported_and_changes_nothing() {
        assertEquals(new AllocationRefused.OverFree(allocation.id(), name("a"), 5, 4),
                left(allocator.releaseChunks(allocation.id(), name("a"), 5)));
        assertEquals(new AllocationRefused.OverFree(allocation.id(), name("b"), 1, 0),
                left(allocator.releaseChunks(allocation.id(), name("b"), 1)));
        assertEquals(gb("56"), allocator.effectiveFree(name("a")));
    }

    @Test
    void claimed_chunks_cannot_be_released_under_their_claim() {
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 3, T0));

        assertEquals(new AllocationRefused.ChunksStillClaimed(allocation.id(), name("a"), 2, 1),
                left(allocator.releaseChunks(allocation.id(), name("a"), 2)));
    }

    @Test
    void releasing_a_whole_allocation_twice_says_already_released_the_second_time() {
        ReleaseOutcome first = right(allocator.release(allocation.id()));
        ReleaseOutcome second = right(allocator.release(allocation.id()));

        assertEquals(new ReleaseOutcome.Released(allocation.id(), List.of(new Grant(name("a"), gb("2"), 4)), true),
                first);
        assertEquals(new ReleaseOutcome.AlreadyReleased(allocation.id()), second);
        assertEquals(gb("64"), allocator.effectiveFree(name("a")));
        assertEquals(new ReleaseOutcome.AlreadyReleased(allocation.id()),
                right(allocator.releaseChunks(allocation.id(), name("a"), 1)));
    }

    @Test
    void releasing_an_allocation_ends_its_claims() {
        right(allocator.claim(allocation.id(), name("a"), Pid.of(10), 2, T0));
        right(allocator.release(allocation.id()));
        Allocation next = right(allocator.allocate(request("2", 1), SESSION, T0));

        assertInstanceOf(ClaimOutcome.Claimed.class, right(allocator.claim(next.id(), name("a"), Pid.of(10), 1, T0)));
    }

    @Test
    void releasing_an_allocation_that_never_existed_is_refused_as_unknown() {
        AllocationId ghost = new AllocationId(new UUID(7, 7));

        assertEquals(new AllocationRefused.UnknownAllocation(ghost), left(allocator.release(ghost)));
        assertEquals(new AllocationRefused.UnknownAllocation(ghost), left(allocator.claim(ghost, name("a"),
                Pid.of(3), 1, T0)));
    }

    @Test
    void a_non_positive_chunk_count_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> allocator.releaseChunks(allocation.id(), name("a"), 0));
        assertThrows(IllegalArgumentException.class, () -> allocator.claim(allocation.id(), name("a"), Pid.of(1), 0,
                T0));
    }
}

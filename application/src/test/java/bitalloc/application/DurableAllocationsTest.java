package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.QueryAllocations;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.ReleaseRam;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Allocations are stored whole once and then a grant or a claim at a time: after any sequence of allocations,
 * claims, releases, process exits and scans, the durable state holds exactly the allocations the allocator holds,
 * and a restarted bitalloc recovers them unchanged.
 */
class DurableAllocationsTest {

    private static final int STEPS = 300;
    private static final Ram CHUNK = Ram.parse("1.70");
    private static final Supplier<FakeGame> GAME = () -> new FakeGame()
            .host("home", 64).host("n00dles", 16).host("foodnstuff", 16)
            .script("task.js", "2.00").script("hack.js", "1.70");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_stored_allocations_are_the_allocators_after_every_step_and_after_a_restart(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InMemoryStateStore store = new InMemoryStateStore();
        TestBitalloc bitalloc = new TestBitalloc(GAME.get(), BitallocConfig.defaults(), store);
        bitalloc.get(PollNetwork.class).poll();
        for (int step = 0; step < STEPS; step++) {
            String did = randomStep(bitalloc, random);
            assertEquals(shape(bitalloc.get(QueryAllocations.class).allocations()),
                    storedShape(store.load().allocations()),
                    "seed " + seed + ", step " + step + " (" + did + "): the store differs from the allocator");
        }

        TestBitalloc restarted = new TestBitalloc(bitalloc.game, BitallocConfig.defaults(), store);
        restarted.clock.advance(Duration.ofMillis(bitalloc.clock.now().toEpochMilli()));
        restarted.get(Recover.class).recover();
        assertEquals(shape(bitalloc.get(QueryAllocations.class).allocations()),
                shape(restarted.get(QueryAllocations.class).allocations()),
                "seed " + seed + ": recovery rebuilt other allocations");
    }

    private static String randomStep(TestBitalloc bitalloc, SplittableRandom random) {
        FakeGame game = bitalloc.game;
        List<Allocation> live = bitalloc.get(QueryAllocations.class).allocations();
        int kind = random.nextInt(8);
        if (live.isEmpty() || kind <= 1) {
            Pid requester = game.launch(HostName.of("home"), "task.js", 1, List.empty()).getOrElse(Pid.of(1));
            bitalloc.get(AllocateRam.class).allocate(new AllocateRam.Command(new AllocationRequest(
                    new Requester(HostName.of("home"), requester), "hack.js", CHUNK, 1 + random.nextInt(6), false,
                    false, random.nextBoolean(), false)));
            return "allocate";
        }
        Allocation allocation = live.get(random.nextInt(live.size()));
        Grant grant = allocation.grants().get(random.nextInt(allocation.grants().size()));
        int unclaimed = grant.chunks() - allocation.claimedChunksOn(grant.host());
        switch (kind) {
            case 2:
            case 3:
                if (unclaimed == 0) {
                    return "nothing to claim";
                }
                int threads = 1 + random.nextInt(unclaimed);
                game.launch(grant.host(), "hack.js", threads, List.empty()).forEach(pid -> bitalloc.get(ClaimRam.class)
                        .claim(new ClaimRam.Command(allocation.id(), grant.host(), pid, threads)));
                return "claim";
            case 4:
                if (allocation.claims().isEmpty()) {
                    return "no claim to release";
                }
                Pid claimed = allocation.claims().get(random.nextInt(allocation.claims().size())).pid();
                bitalloc.get(ReleaseRam.class).release(new ReleaseRam.ReleaseClaim(allocation.id(), claimed));
                return "release claim";
            case 5:
                if (unclaimed == 0) {
                    return "no unclaimed chunk";
                }
                bitalloc.get(ReleaseRam.class).release(new ReleaseRam.ReleaseChunks(allocation.id(), grant.host(),
                        1 + random.nextInt(unclaimed)));
                return "release chunks";
            case 6:
                bitalloc.get(ReleaseRam.class).release(new ReleaseRam.ReleaseAllocation(allocation.id()));
                return "release allocation";
            default:
                List<FakeGame.Process> running = game.running();
                if (!running.isEmpty()) {
                    game.exit(running.get(random.nextInt(running.size())).pid());
                }
                bitalloc.clock.advance(Duration.ofSeconds(2));
                bitalloc.get(PollNetwork.class).poll();
                return "a process exits, then a scan";
        }
    }

    /** What the store keeps of an allocation, in a comparable form. */
    private static List<String> shape(List<Allocation> allocations) {
        return allocations.map(a -> a.id() + " " + a.session() + " grants "
                + a.grants().map(g -> g.host() + "=" + g.chunks() + "x" + g.chunkSize()).sorted()
                + " claims " + a.claims().map(c -> c.session() + "/" + c.pid() + "@" + c.host() + "=" + c.chunks())
                .sorted()).sorted();
    }

    private static List<String> storedShape(List<StoredAllocation> allocations) {
        return allocations.map(a -> a.id() + " " + a.session() + " grants "
                + a.grants().map(g -> g.host() + "=" + g.chunks() + "x" + g.chunkSize()).sorted()
                + " claims " + a.claims().map(c -> c.session() + "/" + c.pid() + "@" + c.host() + "=" + c.chunks())
                .sorted()).sorted();
    }
}

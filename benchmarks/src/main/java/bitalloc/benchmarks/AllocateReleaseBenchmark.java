package bitalloc.benchmarks;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.allocator.AllocatorPolicy;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Allocate then release one allocation: chunk 1.75 GB, 1–64 chunks, mixed flags, on 25 and 100 hosts of mixed
 * kinds and sizes that already hold 200 allocations. Target: ≤ 2 µs per pair at 100 hosts (the original: ~77 µs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AllocateReleaseBenchmark {

    private static final int REQUESTS = 1024;
    private static final GameSession SESSION = GameSession.FIRST;

    @Param({"25", "100"})
    public int hosts;

    private Allocator allocator;
    private AllocationRequest[] requests;
    private Instant now;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        allocator = new Allocator(AllocatorPolicy.DEFAULT,
                () -> new AllocationId(new UUID(random.nextLong(), random.nextLong())));
        now = Instant.parse("2026-01-01T00:00:00Z");
        List<HostSnapshot> network = List.range(0, hosts).map(h -> {
            HostKind kind = h == 0 ? HostKind.HOME : h % 3 == 0 ? HostKind.NETWORK : HostKind.PURCHASED;
            String name = h == 0 ? "home" : kind == HostKind.NETWORK ? "server-" + h : "pserv-" + h;
            return new HostSnapshot(HostName.of(name), kind, 1 + h % 8, Ram.ofGb(64L << (h % 6)), Ram.ZERO,
                    List.empty());
        });
        allocator.scan(SESSION, network, now);
        Ram chunk = Ram.parse("1.75");
        Requester task = new Requester(HostName.of("home"), Pid.of(1));
        requests = new AllocationRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            requests[i] = new AllocationRequest(task, "hack.js", chunk, 1 + random.nextInt(64), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
        }
        for (int i = 0; i < 200; i++) {
            allocator.allocate(requests[i], SESSION, now);
        }
    }

    @Benchmark
    public Object allocateThenRelease() {
        AllocationRequest request = requests[next++ & (REQUESTS - 1)];
        Either<AllocationRefused, Allocation> granted = allocator.allocate(request, SESSION, now);
        if (granted.isLeft()) {
            return granted.getLeft();
        }
        Either<AllocationRefused, ReleaseOutcome> released = allocator.release(granted.get().id());
        return released.get();
    }
}

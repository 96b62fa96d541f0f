package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Builders that keep allocator tests short and readable. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final GameSession SESSION = GameSession.FIRST;
    static final Duration POLL = Duration.ofSeconds(2);
    static final Requester TASK = new Requester(HostName.of("home"), Pid.of(1));

    /** No set-aside, exact foreign estimate, no margin: effective free is plain arithmetic. */
    static final AllocatorPolicy PLAIN = AllocatorPolicy.DEFAULT
            .withEstimator(new ReservedEstimator.Exact())
            .withMargin(new MarginPolicy.Static(Ram.ZERO, 0))
            .withSetAside(SetAsidePolicy.NOTHING)
            .withAllocationGrace(Duration.ofSeconds(10));

    private Fixtures() {
    }

    static Supplier<AllocationId> sequentialIds() {
        long[] next = {1};
        return () -> new AllocationId(new UUID(0x5eed, next[0]++));
    }

    static Allocator allocator(AllocatorPolicy policy) {
        return new Allocator(policy, sequentialIds());
    }

    static Instant at(int polls) {
        return T0.plus(POLL.multipliedBy(polls));
    }

    static Ram gb(String gb) {
        return Ram.parse(gb);
    }

    static HostName name(String host) {
        return HostName.of(host);
    }

    static HostSnapshot host(String name, HostKind kind, String maxGb, ProcessSnapshot... processes) {
        return host(name, kind, 1, maxGb, processes);
    }

    static HostSnapshot host(String name, HostKind kind, int cores, String maxGb, ProcessSnapshot... processes) {
        List<ProcessSnapshot> list = List.of(processes);
        Ram used = list.foldLeft(Ram.ZERO, (sum, process) -> sum.plus(process.ram()));
        return new HostSnapshot(HostName.of(name), kind, cores, gb(maxGb), used, list);
    }

    /** A host whose used RAM exceeds what its processes explain by {@code unexplainedGb}. */
    static HostSnapshot withUnexplained(HostSnapshot host, String unexplainedGb) {
        return new HostSnapshot(host.host(), host.kind(), host.cores(), host.maxRam(),
                host.usedRam().plus(gb(unexplainedGb)), host.processes());
    }

    static ProcessSnapshot process(long pid, String script, int threads, String ramPerThreadGb, String... args) {
        return new ProcessSnapshot(Pid.of(pid), script, threads, gb(ramPerThreadGb), List.of(args));
    }

    static ProcessSnapshot tagged(long pid, Allocation allocation, int threads, String ramPerThreadGb) {
        return process(pid, "hack.js", threads, ramPerThreadGb, "n00dles", "--allocId=" + allocation.id());
    }

    static AllocationRequest request(String chunkGb, int chunks) {
        return AllocationRequest.of(TASK, "hack.js", gb(chunkGb), chunks);
    }

    static <L, R> R right(Either<L, R> either) {
        return either.getOrElseThrow(left -> new AssertionError("expected a success but got " + left));
    }

    static <L, R> L left(Either<L, R> either) {
        return either.swap().getOrElseThrow(right -> new AssertionError("expected a refusal but got " + right));
    }
}

package bitalloc.benchmarks;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.allocator.AllocatorPolicy;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full scan of 100 hosts × 1,000 processes (500 tagged with the host's live allocations, 20 registered,
 * 480 foreign) while 1,000 allocations are live. Target: ≤ 2 ms per scan (the TypeScript original: ~660 ms).
 *
 * <p>Each poll in the live game yields new snapshot objects with the same pids, so two equal but distinct copies of
 * the process tables alternate: nothing is found by object identity. {@link #fullScan} is the steady state, where
 * the scan recognises each unchanged host by content and replays its last pass; {@link #fullScanEveryHostChanged}
 * alternates with a poll in which one foreign process on every host has exited and another started, so every host
 * is classified process by process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {

    private static final int HOSTS = 100;
    private static final int PROCESSES_PER_HOST = 1000;
    private static final int ALLOCATIONS = 1000;
    private static final int TAGGED_PER_HOST = 500;
    private static final int REGISTERED_PER_HOST = 20;
    private static final Ram CHUNK = Ram.parse("1.75");
    private static final GameSession SESSION = GameSession.FIRST;

    private Allocator allocator;
    private final java.util.List<List<HostSnapshot>> tables = new ArrayList<>();
    private List<HostSnapshot> churned;
    private Instant now;
    private int poll;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        allocator = new Allocator(AllocatorPolicy.DEFAULT.withSetAside(SetAsidePolicy.NOTHING),
                () -> new AllocationId(new UUID(random.nextLong(), random.nextLong())));
        now = Instant.parse("2026-01-01T00:00:00Z");
        java.util.List<HostName> names = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            names.add(HostName.of(h == 0 ? "home" : "host-" + h));
        }
        allocator.scan(SESSION, List.ofAll(names).map(name -> snapshot(name, List.empty())), now);

        int chunksPerAllocation = TAGGED_PER_HOST / (ALLOCATIONS / HOSTS);
        Requester task = new Requester(names.get(0), Pid.of(1));
        java.util.Map<HostName, java.util.List<Allocation>> byHost = new java.util.HashMap<>();
        for (int a = 0; a < ALLOCATIONS; a++) {
            Allocation allocation = allocator.allocate(
                    AllocationRequest.of(task, "hack.js", CHUNK, chunksPerAllocation).asContiguous(), SESSION, now)
                    .getOrElseThrow(refused -> new IllegalStateException("setup refused: " + refused));
            byHost.computeIfAbsent(allocation.grants().head().host(), host -> new ArrayList<>()).add(allocation);
        }

        tables.clear();
        long pid = 2;
        java.util.List<java.util.List<Object[]>> processSpecs = new ArrayList<>();
        for (HostName name : names) {
            java.util.List<Object[]> specs = new ArrayList<>();
            java.util.List<Allocation> onHost = byHost.getOrDefault(name, java.util.List.of());
            for (int p = 0; p < PROCESSES_PER_HOST; p++) {
                long processPid = pid++;
                if (p < TAGGED_PER_HOST && !onHost.isEmpty()) {
                    Allocation allocation = onHost.get(p % onHost.size());
                    specs.add(new Object[] {processPid, "hack.js", 1, CHUNK,
                            List.of("n00dles", allocator.tags().tagArgument(allocation.id()))});
                } else if (p < TAGGED_PER_HOST + REGISTERED_PER_HOST) {
                    Ram ram = Ram.parse("2.6");
                    allocator.register(name, Pid.of(processPid), ram, SESSION, now);
                    specs.add(new Object[] {processPid, "agent.js", 1, ram, List.of()});
                } else {
                    specs.add(new Object[] {processPid, "manual.js", 1 + random.nextInt(3), Ram.parse("0.1"),
                            List.of("--target", "foodnstuff", String.valueOf(p))});
                }
            }
            processSpecs.add(specs);
        }
        for (int copy = 0; copy < 2; copy++) {
            java.util.List<HostSnapshot> hosts = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                hosts.add(snapshot(names.get(h), List.ofAll(processSpecs.get(h)).map(ScanBenchmark::process)));
            }
            tables.add(List.ofAll(hosts));
        }
        java.util.List<HostSnapshot> changedHosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            java.util.List<Object[]> specs = new ArrayList<>(processSpecs.get(h));
            Object[] last = specs.get(specs.size() - 1);
            specs.set(specs.size() - 1, new Object[] {(Long) last[0] + HOSTS * PROCESSES_PER_HOST, last[1], last[2],
                    last[3], last[4]});
            changedHosts.add(snapshot(names.get(h), List.ofAll(specs).map(ScanBenchmark::process)));
        }
        churned = List.ofAll(changedHosts);
        ScanReport first = allocator.scan(SESSION, tables.get(0), now);
        if (first.processCount() != HOSTS * PROCESSES_PER_HOST || !first.expired().isEmpty()) {
            throw new IllegalStateException("unexpected setup: " + first.processCount() + " processes");
        }
    }

    private static ProcessSnapshot process(Object[] spec) {
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) spec[4];
        // New strings and pids per copy, as a fresh poll would deliver them.
        return new ProcessSnapshot(Pid.of((Long) spec[0]), new String((String) spec[1]), (Integer) spec[2],
                (Ram) spec[3], args.map(String::new));
    }

    private static HostSnapshot snapshot(HostName name, List<ProcessSnapshot> processes) {
        Ram used = processes.foldLeft(Ram.ZERO, (sum, process) -> sum.plus(process.ram()));
        HostKind kind = name.value().equals("home") ? HostKind.HOME : HostKind.PURCHASED;
        return new HostSnapshot(name, kind, 1, Ram.ofGb(4096), used, processes);
    }

    @Benchmark
    public ScanReport fullScan() {
        poll++;
        return allocator.scan(SESSION, tables.get(poll & 1), now.plus(Duration.ofSeconds(2L * poll)));
    }

    @Benchmark
    public ScanReport fullScanEveryHostChanged() {
        poll++;
        return allocator.scan(SESSION, (poll & 1) == 0 ? tables.get(0) : churned,
                now.plus(Duration.ofSeconds(2L * poll)));
    }
}

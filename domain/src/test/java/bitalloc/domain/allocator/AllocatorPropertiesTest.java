package bitalloc.domain.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Claim;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.Registration;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.estimate.Alpha;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.tag.TagKey;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random operation sequences over allocate / grow / claim / release / register / spawn / kill / scan.
 * Every failure names its seed and step; rerun one seed by putting it in {@link #REPLAY}.
 */
class AllocatorPropertiesTest {

    private static final long[] REPLAY = {};
    private static final int SEQUENCES = 200;
    private static final int STEPS = 100;

    @TestFactory
    Stream<DynamicTest> random_operation_sequences_keep_the_ledger_exact_and_never_overcommit() {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> new Sequence(seed, true).run()));
    }

    @TestFactory
    Stream<DynamicTest> releasing_everything_returns_every_host_to_its_starting_state() {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> new Sequence(seed, false).run()));
    }

    @TestFactory
    Stream<DynamicTest> replaying_unchanged_hosts_changes_nothing_a_full_pass_would_find() {
        return seeds().limit(SEQUENCES / 2).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Sequence replaying = new Sequence(seed, true, true);
            replaying.run();
            Sequence classifyingAll = new Sequence(seed, true, false);
            classifyingAll.run();
            assertTrue(replaying.unchangedHostScans > 0, "seed " + seed + " never scanned an unchanged host");
            assertEquals(classifyingAll.transcript.size(), replaying.transcript.size(), "seed " + seed + " scans");
            for (int i = 0; i < replaying.transcript.size(); i++) {
                int entry = i;
                assertEquals(classifyingAll.transcript.get(i), replaying.transcript.get(i),
                        () -> "seed " + seed + " differs at transcript entry " + entry);
            }
        }));
    }

    private static LongStream seeds() {
        return REPLAY.length > 0 ? LongStream.of(REPLAY) : LongStream.rangeClosed(1, SEQUENCES);
    }

    /** One replayable sequence: a random network, random policy, random operations, invariants after each. */
    private static final class Sequence {
        private final long seed;
        private final boolean withScans;
        private final SplittableRandom random;
        private final Allocator allocator;
        /** Every scan's report, with the ledger and allocations after it, to compare runs with and without replay. */
        private final java.util.List<Object> transcript = new ArrayList<>();
        /** Scans of a host that listed the same processes as its previous scan: candidates for replay. */
        private int unchangedHostScans;
        private final java.util.List<HostSpec> hosts = new ArrayList<>();
        private final java.util.Map<HostName, java.util.Map<Long, ProcessSnapshot>> processes = new LinkedHashMap<>();
        private final java.util.List<AllocationId> released = new ArrayList<>();
        private final java.util.Map<HostName, HostSnapshot> lastSnapshots = new java.util.HashMap<>();
        private GameSession session = GameSession.FIRST;
        private long nextPid = 1;
        private int poll;
        private String lastOperation = "start";

        Sequence(long seed, boolean withScans) {
            this(seed, withScans, true);
        }

        Sequence(long seed, boolean withScans, boolean replayUnchangedHosts) {
            this.seed = seed;
            this.withScans = withScans;
            this.random = new SplittableRandom(seed);
            this.allocator = new Allocator(randomPolicy(), () -> new AllocationId(new UUID(seed, random.nextLong())),
                    replayUnchangedHosts);
            int hostCount = 2 + random.nextInt(7);
            for (int i = 0; i < hostCount; i++) {
                HostKind kind = HostKind.values()[random.nextInt(HostKind.values().length)];
                String name = i == 0 ? "home" : kind.name().toLowerCase() + "-" + i;
                hosts.add(new HostSpec(HostName.of(name), i == 0 ? HostKind.HOME : kind, 1 + random.nextInt(8),
                        Ram.ofGb(1L << (2 + random.nextInt(9)))));
                processes.put(HostName.of(name), new LinkedHashMap<>());
            }
        }

        private AllocatorPolicy randomPolicy() {
            ReservedEstimator estimator = switch (random.nextInt(4)) {
                case 0 -> new ReservedEstimator.Delta();
                case 1 -> new ReservedEstimator.Exact();
                case 2 -> new ReservedEstimator.Ema(new Alpha(random.nextInt(1000)));
                default -> new ReservedEstimator.Hybrid(Alpha.DEFAULT);
            };
            MarginPolicy margin = random.nextBoolean() ? new MarginPolicy.Static(Ram.ofHundredths(random.nextInt(900)),
                    random.nextInt(20)) : MarginPolicy.Adaptive.DEFAULT;
            AllocatorPolicy policy = AllocatorPolicy.DEFAULT.withEstimator(estimator).withMargin(margin)
                    .withSetAside(random.nextBoolean() ? SetAsidePolicy.DEFAULT : SetAsidePolicy.NOTHING)
                    .withAllocationGrace(Duration.ofSeconds(random.nextInt(30)));
            return random.nextBoolean() ? policy.withTagKey(TagKey.of("key-" + seed)) : policy;
        }

        void run() {
            int step = 0;
            try {
                scan();
                List<HostLedgerView> start = allocator.ledger();
                for (step = 1; step <= STEPS; step++) {
                    randomOperation();
                    checkInvariants();
                }
                releaseEverything();
                checkInvariants();
                for (HostLedgerView host : allocator.ledger()) {
                    assertEquals(Ram.ZERO, host.allocated(), "allocated after releasing everything on " + host);
                    assertEquals(Ram.ZERO, host.registered(), "registered after releasing everything on " + host);
                }
                if (!withScans) {
                    assertEquals(start, allocator.ledger(), "ledger after releasing everything");
                }
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("seed " + seed + " (withScans=" + withScans + ") failed at step " + step
                        + " after " + lastOperation + ": " + failure, failure);
            }
        }

        private void randomOperation() {
            int roll = random.nextInt(100);
            if (roll < 25) {
                allocate();
            } else if (roll < 32) {
                grow();
            } else if (roll < 40) {
                claim();
            } else if (roll < 45) {
                releaseClaim();
            } else if (roll < 52) {
                releaseChunks();
            } else if (roll < 60) {
                release();
            } else if (roll < 65) {
                register();
            } else if (roll < 68) {
                unregister();
            } else if (!withScans) {
                allocate();
            } else if (roll < 80) {
                spawn();
            } else if (roll < 88) {
                kill();
            } else if (roll < 99) {
                scan();
            } else {
                lastOperation = "clash";
                allocator.recordClash(randomHost().name);
            }
        }

        private void allocate() {
            Ram chunk = Ram.ofHundredths(5 + random.nextInt(random.nextBoolean() ? 400 : 6400));
            AllocationRequest request = new AllocationRequest(new Requester(randomHost().name, Pid.of(nextPid)),
                    "w.js", chunk, 1 + random.nextInt(40), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean());
            lastOperation = "allocate " + request;
            Map<HostName, Ram> freeBefore = allocator.effectiveFreeByHost();
            Either<?, Allocation> result = allocator.allocate(request, session, at());
            result.forEach(allocation -> checkGrantedWithinFree(List.empty(), allocation, freeBefore));
            result.forEach(allocation -> assertTrue(request.shrinkable()
                    ? allocation.chunks() <= request.chunkCount() : allocation.chunks() == request.chunkCount()));
        }

        private void grow() {
            randomAllocation().forEach(before -> {
                int more = 1 + random.nextInt(10);
                lastOperation = "grow " + before.id() + " by " + more;
                Map<HostName, Ram> freeBefore = allocator.effectiveFreeByHost();
                allocator.grow(before.id(), more, at())
                        .forEach(after -> checkGrantedWithinFree(before.grants(), after, freeBefore));
            });
        }

        private void checkGrantedWithinFree(List<Grant> before, Allocation after, Map<HostName, Ram> freeBefore) {
            for (Grant grant : after.grants()) {
                int previous = before.find(g -> g.host().equals(grant.host())).map(Grant::chunks).getOrElse(0);
                Ram added = grant.chunkSize().times(grant.chunks() - previous);
                assertTrue(freeBefore.get(grant.host()).getOrElse(Ram.ZERO).isAtLeast(added),
                        "granted " + added + " on " + grant.host() + " with only " + freeBefore.get(grant.host()));
            }
        }

        private void claim() {
            randomAllocation().forEach(allocation -> {
                Grant grant = allocation.grants().get(random.nextInt(allocation.grants().size()));
                HostName host = random.nextInt(10) == 0 ? randomHost().name : grant.host();
                Pid pid = random.nextBoolean() ? randomPidOn(host) : Pid.of(nextPid++);
                int chunks = 1 + random.nextInt(grant.chunks() + 1);
                lastOperation = "claim " + allocation.id() + " " + host + " pid " + pid + " x" + chunks;
                allocator.claim(allocation.id(), host, pid, chunks, at());
            });
        }

        private void releaseClaim() {
            randomAllocation().filter(allocation -> !allocation.claims().isEmpty()).forEach(allocation -> {
                Pid pid = allocation.claims().get(random.nextInt(allocation.claims().size())).pid();
                lastOperation = "release claim " + allocation.id() + " pid " + pid;
                assertInstanceOf(ReleaseOutcome.ClaimReleased.class, right(allocator.releaseClaim(allocation.id(),
                        pid)));
                assertInstanceOf(ReleaseOutcome.NoSuchClaim.class, right(allocator.releaseClaim(allocation.id(),
                        pid)));
            });
        }

        private void releaseChunks() {
            randomAllocation().forEach(allocation -> {
                Grant grant = allocation.grants().get(random.nextInt(allocation.grants().size()));
                int chunks = 1 + random.nextInt(grant.chunks() + 2);
                lastOperation = "release " + chunks + " chunks of " + allocation.id() + " on " + grant.host();
                Ram allocatedBefore = allocator.ledger(grant.host()).get().allocated();
                Either<?, ReleaseOutcome> outcome = allocator.releaseChunks(allocation.id(), grant.host(), chunks);
                Ram expected = outcome.isRight() ? allocatedBefore.minus(grant.chunkSize().times(chunks))
                        : allocatedBefore;
                assertEquals(expected, allocator.ledger(grant.host()).get().allocated(), "exact release");
                if (outcome.isRight() && allocator.allocation(allocation.id()).isEmpty()) {
                    released.add(allocation.id());
                }
            });
        }

        private void release() {
            if (!released.isEmpty() && random.nextInt(4) == 0) {
                AllocationId again = released.get(random.nextInt(released.size()));
                lastOperation = "release again " + again;
                assertEquals(new ReleaseOutcome.AlreadyReleased(again), right(allocator.release(again)));
                return;
            }
            randomAllocation().forEach(allocation -> {
                lastOperation = "release " + allocation.id();
                assertInstanceOf(ReleaseOutcome.Released.class, right(allocator.release(allocation.id())));
                released.add(allocation.id());
            });
        }

        private void register() {
            HostSpec host = randomHost();
            long pid = nextPid++;
            Ram ram = Ram.ofHundredths(160 + random.nextInt(400));
            lastOperation = "register " + host.name + " pid " + pid + " " + ram;
            if (random.nextInt(4) > 0) {
                processes.get(host.name).put(pid, new ProcessSnapshot(Pid.of(pid), "agent.js", 1, ram, List.empty()));
            }
            allocator.register(host.name, Pid.of(pid), ram, session, at());
        }

        private void unregister() {
            List<Registration> registrations = allocator.registrations();
            if (!registrations.isEmpty()) {
                Registration registration = registrations.get(random.nextInt(registrations.size()));
                lastOperation = "unregister " + registration;
                allocator.unregister(registration.host(), registration.pid());
            }
        }

        private void spawn() {
            io.vavr.control.Option<Allocation> allocation = randomAllocation();
            long pid = nextPid++;
            if (allocation.isDefined() && random.nextInt(3) > 0) {
                Grant grant = allocation.get().grants().get(random.nextInt(allocation.get().grants().size()));
                String tag = random.nextInt(8) == 0 ? "--allocId=" + allocation.get().id() + ".feedbeef"
                        : allocator.tags().tagArgument(allocation.get().id());
                int threads = 1 + random.nextInt(grant.chunks() + (random.nextInt(5) == 0 ? 3 : 0));
                lastOperation = "spawn tagged pid " + pid + " on " + grant.host() + " x" + threads;
                processes.get(grant.host()).put(pid, new ProcessSnapshot(Pid.of(pid), "hack.js", threads,
                        grant.chunkSize(), List.of("target", tag)));
            } else {
                HostSpec host = randomHost();
                lastOperation = "spawn foreign pid " + pid + " on " + host.name;
                processes.get(host.name).put(pid, new ProcessSnapshot(Pid.of(pid), "manual.js",
                        1 + random.nextInt(4), Ram.ofHundredths(10 + random.nextInt(800)), List.of("x")));
            }
        }

        private void kill() {
            HostSpec host = randomHost();
            java.util.Map<Long, ProcessSnapshot> onHost = processes.get(host.name);
            if (!onHost.isEmpty()) {
                Long pid = new ArrayList<>(onHost.keySet()).get(random.nextInt(onHost.size()));
                lastOperation = "kill " + pid + " on " + host.name;
                onHost.remove(pid);
            }
        }

        private void scan() {
            poll++;
            if (poll > 1 && random.nextInt(40) == 0) {
                reload();
            }
            List<HostSnapshot> snapshots = List.ofAll(hosts).filter(host -> poll == 1 || random.nextInt(30) > 0)
                    .map(this::snapshot);
            lastOperation = "scan " + poll + " in " + session;
            java.util.Map<HostName, HostSnapshot> previous = lastSnapshots;
            unchangedHostScans += snapshots.count(host -> previous.containsKey(host.host())
                    && previous.get(host.host()).processes().listsSameProcessesAs(host.processes()));
            snapshots.forEach(host -> lastSnapshots.put(host.host(), host));
            var report = allocator.scan(session, snapshots, at());
            transcript.add(report);
            transcript.add(allocator.ledger());
            transcript.add(allocator.allocations());
            for (var host : report.hosts()) {
                assertEquals(allocator.effectiveFree(host.host()), host.effectiveFree(), "report vs ledger");
            }
        }

        /** The game reloads: pids restart at 1, every script comes back under a new pid with its arguments. */
        private void reload() {
            session = session.next();
            nextPid = 1;
            for (java.util.Map<Long, ProcessSnapshot> onHost : processes.values()) {
                java.util.List<ProcessSnapshot> restarted = new ArrayList<>(onHost.values());
                onHost.clear();
                for (ProcessSnapshot process : restarted) {
                    long pid = nextPid++;
                    onHost.put(pid, new ProcessSnapshot(Pid.of(pid), process.script(), process.threads(),
                            process.ramPerThread(), process.args()));
                }
            }
        }

        private HostSnapshot snapshot(HostSpec host) {
            List<ProcessSnapshot> list = List.ofAll(processes.get(host.name).values());
            Ram used = list.foldLeft(Ram.ZERO, (sum, process) -> sum.plus(process.ram()))
                    .plus(Ram.ofHundredths(random.nextInt(10) == 0 ? random.nextInt(400) : 0));
            return new HostSnapshot(host.name, host.kind, host.cores, host.maxRam, used, list);
        }

        private void releaseEverything() {
            lastOperation = "release everything";
            for (Allocation allocation : allocator.allocations()) {
                assertInstanceOf(ReleaseOutcome.Released.class, right(allocator.release(allocation.id())));
            }
            for (Registration registration : allocator.registrations()) {
                allocator.unregister(registration.host(), registration.pid());
            }
        }

        private void checkInvariants() {
            List<Allocation> allocations = allocator.allocations();
            java.util.Map<HostName, Ram> granted = new java.util.HashMap<>();
            java.util.Map<Pid, Ram> byRequester = new java.util.HashMap<>();
            for (Allocation allocation : allocations) {
                assertTrue(allocation.chunks() > 0, "a live allocation holds chunks");
                assertEquals(allocation.ram(), allocator.granted(allocation.id()), "granted RAM of " + allocation.id());
                java.util.List<Claim> visited = new java.util.ArrayList<>();
                assertTrue(allocator.forEachClaim(allocation.id(), (claim, chunk) -> {
                    assertEquals(allocation.chunkSize(), chunk, "chunk size handed with each claim");
                    visited.add(claim);
                }), "a live allocation's claims are visited");
                assertEquals(allocation.claims().toJavaList(), visited, "claims, in claim order");
                assertEquals(Option.some(allocation.chunkSize()), allocator.chunkSizeOf(allocation.id()), "chunk");
                byRequester.merge(allocation.request().requester().pid(), allocation.ram(), Ram::plus);
                for (Grant grant : allocation.grants()) {
                    granted.merge(grant.host(), grant.ram(), Ram::plus);
                    assertTrue(allocation.claimedChunksOn(grant.host()) <= grant.chunks(), "claims within grant");
                }
            }
            assertEquals(byRequester, allocator.grantedByRequester(),
                    "RAM granted to the allocations of each requester");
            java.util.Map<HostName, Ram> registered = new java.util.HashMap<>();
            for (Registration registration : allocator.registrations()) {
                registered.merge(registration.host(), registration.ram(), Ram::plus);
            }
            for (HostLedgerView host : allocator.ledger()) {
                assertEquals(granted.getOrDefault(host.host(), Ram.ZERO), host.allocated(),
                        "allocated equals the sum of live grants on " + host.host());
                assertEquals(registered.getOrDefault(host.host(), Ram.ZERO), host.registered(),
                        "registered equals registrations on " + host.host());
                Ram derived = host.present() ? host.maxRam().minusOrZero(host.setAside().plus(host.allocated())
                        .plus(host.registered()).plus(host.reserved()).plus(host.margin()).plus(host.overGrant()))
                        : Ram.ZERO;
                assertEquals(derived, host.effectiveFree(), "effective free is derived on " + host.host());
            }
        }

        private io.vavr.control.Option<Allocation> randomAllocation() {
            List<Allocation> allocations = allocator.allocations();
            return allocations.isEmpty() ? io.vavr.control.Option.none()
                    : io.vavr.control.Option.of(allocations.get(random.nextInt(allocations.size())));
        }

        private HostSpec randomHost() {
            return hosts.get(random.nextInt(hosts.size()));
        }

        private Pid randomPidOn(HostName host) {
            java.util.Map<Long, ProcessSnapshot> onHost = processes.get(host);
            if (onHost == null || onHost.isEmpty()) {
                return Pid.of(nextPid++);
            }
            return Pid.of(new ArrayList<>(onHost.keySet()).get(random.nextInt(onHost.size())));
        }

        private Instant at() {
            return Fixtures.at(poll);
        }

        private static <L, R> R right(Either<L, R> either) {
            return Fixtures.right(either);
        }
    }

    private record HostSpec(HostName name, HostKind kind, int cores, Ram maxRam) {
    }

}

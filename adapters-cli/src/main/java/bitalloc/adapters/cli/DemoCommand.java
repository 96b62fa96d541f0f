package bitalloc.adapters.cli;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.allocator.AllocatorPolicy;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.ExitedProcess;
import bitalloc.domain.scan.HostScanResult;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.List;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A small, deterministic walk through the allocator on four hosts, in virtual time: no game and no simulator.
 * It shows the real domain code at work, nothing more.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk through the RAM allocator on four built-in hosts (no game needed).")
public final class DemoCommand implements Callable<Integer> {

    private static final GameSession SESSION = GameSession.FIRST;
    private static final Ram CHUNK = Ram.parse("1.75");
    private static final HostName HOME = HostName.of("home");
    private static final HostName PSERV = HostName.of("pserv-0");
    private static final HostName NOODLES = HostName.of("n00dles");
    private static final HostName HACKNET = HostName.of("hacknet-server-0");

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        SplittableRandom seeded = new SplittableRandom(2026);
        Allocator allocator = new Allocator(AllocatorPolicy.DEFAULT,
                () -> new AllocationId(new UUID(seeded.nextLong(), seeded.nextLong())));
        // The task script that asks for RAM; it has already exited, so only its helpers keep allocations alive.
        Requester task = new Requester(HOME, Pid.of(20));
        ProcessSnapshot agent = new ProcessSnapshot(Pid.of(2), "agent.js", 1, Ram.parse("2.6"), List.empty());
        ProcessSnapshot playerScript = new ProcessSnapshot(Pid.of(3), "player-notes.js", 1, Ram.parse("5.2"),
                List.empty());

        section("1. First scan: the allocator learns the hosts (policy: hybrid estimate, adaptive margin, "
                + "home keeps max(4 GB, 10 %), hacknet excluded)");
        scan(allocator, List.of(agent, playerScript), List.empty());
        allocator.register(HOME, agent.pid(), agent.ram(), SESSION, now);
        say("registered the agent (pid 2, %s) on home: a core service that started before it could be allocated",
                agent.ram());
        printLedger(allocator);

        section("2. Allocations (chunks of 1.75 GB, one per script thread)");
        Allocation hack = granted(allocator.allocate(
                AllocationRequest.of(task, "hack.js", CHUNK, 12).asLongRunning(), SESSION, now), "12 long-running");
        Allocation weaken = granted(allocator.allocate(
                AllocationRequest.of(task, "weaken.js", CHUNK, 4).asCoreDependent(), SESSION, now),
                "4 core-dependent");
        Allocation grow = granted(allocator.allocate(
                AllocationRequest.of(task, "grow.js", CHUNK, 6).asContiguous(), SESSION, now), "6 contiguous");

        section("3. A helper claims part of a grant");
        Grant hackGrant = hack.grants().maxBy(Grant::chunks).get();
        say("pid 10 on %s claims 4 chunks of %s: %s", hackGrant.host(), shortId(hack.id()),
                allocator.claim(hack.id(), hackGrant.host(), Pid.of(10), 4, now).fold(Object::toString,
                        outcome -> outcome.getClass().getSimpleName()));
        say("pid 11 claims 99 chunks: %s", allocator.claim(hack.id(), hackGrant.host(), Pid.of(11), 99, now)
                .fold(Object::toString, Object::toString));

        section("4. Scan with helpers running and a foreign script the player started on pserv-0");
        ProcessSnapshot helper = new ProcessSnapshot(Pid.of(10), "hack.js", 4, CHUNK,
                List.of("joesguns", allocator.tags().tagArgument(hack.id())));
        ProcessSnapshot weakener = new ProcessSnapshot(Pid.of(12), "weaken.js", 4, CHUNK,
                List.of("joesguns", allocator.tags().tagArgument(weaken.id())));
        ProcessSnapshot foreign = new ProcessSnapshot(Pid.of(13), "manual-hack.js", 3, Ram.parse("2.4"),
                List.of("n00dles"));
        ProcessSnapshot staleTag = new ProcessSnapshot(Pid.of(14), "old.js", 1, CHUNK,
                List.of("--allocId=" + new UUID(1, 1)));
        tick();
        ScanReport report = scan(allocator, List.of(agent, playerScript, weakener), List.of(helper, foreign,
                staleTag));
        printScan(report);

        section("5. Refusals are typed values the caller can act on");
        refused(allocator.allocate(AllocationRequest.of(task, "grow.js", CHUNK, 200), SESSION, now));
        refused(allocator.allocate(AllocationRequest.of(task, "big.js", Ram.ofGb(128), 1), SESSION, now));

        section("6. Releases: exact, idempotent, over-free reported");
        say("release 2 chunks of %s on %s: %s", shortId(grow.id()), grow.grants().head().host(),
                allocator.releaseChunks(grow.id(), grow.grants().head().host(), 2).fold(Object::toString,
                        Object::toString));
        say("release 9 chunks of %s on %s: %s", shortId(grow.id()), grow.grants().head().host(),
                allocator.releaseChunks(grow.id(), grow.grants().head().host(), 9).fold(Object::toString,
                        Object::toString));
        say("release %s: %s", shortId(grow.id()), allocator.release(grow.id()).fold(Object::toString,
                outcome -> outcome.getClass().getSimpleName()));
        say("release %s again: %s", shortId(grow.id()), allocator.release(grow.id()).fold(Object::toString,
                Object::toString));

        section("7. The hack helper and the foreign scripts on pserv-0 exit: reported at once, foreign RAM reclaimed "
                + "in one poll");
        tick();
        printScan(scan(allocator, List.of(agent, playerScript, weakener), List.empty()));
        now = now.plus(Duration.ofSeconds(40));
        say("... 40 s later, with no process of %s alive (grace %ss):", shortId(hack.id()),
                allocator.policy().allocationGrace().toSeconds());
        printScan(scan(allocator, List.of(agent, playerScript, weakener), List.empty()));
        printLedger(allocator);
        out.flush();
        return 0;
    }

    private ScanReport scan(Allocator allocator, List<ProcessSnapshot> onHome, List<ProcessSnapshot> onPserv) {
        return allocator.scan(SESSION, List.of(
                host(HOME, HostKind.HOME, 8, 64, onHome),
                host(PSERV, HostKind.PURCHASED, 1, 32, onPserv),
                host(NOODLES, HostKind.NETWORK, 1, 4, List.empty()),
                host(HACKNET, HostKind.HACKNET, 4, 16, List.empty())), now);
    }

    private static HostSnapshot host(HostName name, HostKind kind, int cores, long maxGb,
                                     List<ProcessSnapshot> processes) {
        Ram used = processes.foldLeft(Ram.ZERO, (sum, process) -> sum.plus(process.ram()));
        return new HostSnapshot(name, kind, cores, Ram.ofGb(maxGb), used, processes);
    }

    private Allocation granted(io.vavr.control.Either<AllocationRefused, Allocation> result, String what) {
        Allocation allocation = result.getOrElseThrow(refusal -> new IllegalStateException("demo refused: " + refusal));
        say("%-18s -> %s %s", what, shortId(allocation.id()), allocation.grants()
                .map(grant -> grant.chunks() + " x " + grant.chunkSize() + " on " + grant.host()).mkString(", "));
        return allocation;
    }

    private void refused(io.vavr.control.Either<AllocationRefused, Allocation> result) {
        say("refused: %s", result.fold(Object::toString, allocation -> "granted?! " + allocation));
    }

    private void printScan(ScanReport report) {
        out.printf("  %-17s %5s %9s %9s %9s %9s %9s%n", "host", "procs", "ours", "foreign", "reserved", "margin",
                "free");
        for (HostScanResult host : report.hosts()) {
            out.printf("  %-17s %5d %9s %9s %9s %9s %9s%n", host.host(), host.processes(), host.ours(),
                    host.foreign(), host.reserved(), host.margin(), host.effectiveFree());
        }
        for (ExitedProcess exited : report.exited()) {
            say("exited: pid %s %s on %s (%s, %s)", exited.pid(), exited.script(), exited.host(), exited.ram(),
                    exited.origin());
        }
        report.overGrant().forEach(usage -> say("over grant: %s", usage));
        report.expired().forEach(expired -> say("released for having no live process: %s (%s)",
                shortId(expired.allocation().id()), expired.allocation().ram()));
    }

    private void printLedger(Allocator allocator) {
        out.printf("  %-17s %-9s %9s %10s %10s %10s %9s %9s%n", "host", "kind", "max", "set-aside", "allocated",
                "registered", "reserved", "free");
        for (HostLedgerView host : allocator.ledger()) {
            out.printf("  %-17s %-9s %9s %10s %10s %10s %9s %9s%n", host.host(), host.kind(), host.maxRam(),
                    host.setAside(), host.allocated(), host.registered(), host.reserved(), host.effectiveFree());
        }
    }

    private void tick() {
        now = now.plus(Duration.ofSeconds(2));
    }

    private static String shortId(AllocationId id) {
        return "alloc " + id.toString().substring(0, 8);
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    private void say(String format, Object... args) {
        out.println("  " + String.format(format, args));
    }
}

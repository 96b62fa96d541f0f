package bitalloc.application.service;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChange;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.ClaimOutcome;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Filler;
import bitalloc.domain.selection.RamBudget;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.Tick;
import bitalloc.domain.selection.SpareRam;
import bitalloc.domain.selection.TaskSelector;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lends RAM that no task can use to the filler script and takes it back before a task needs it. A filler is an
 * allocation of bitalloc's own, tagged like a task script and claimed by its pid, so it survives a restart like
 * any allocation and its RAM never counts as free to anyone else while it runs. Stopped fillers give their RAM
 * back at once when the game frees it at once; otherwise the scan sees them gone and releases them (A7).
 */
@Singleton
public final class SpareRamFiller {

    private final Engine engine;
    private final Launcher launcher;
    private final Clock clock;
    private final AllocationJournal journal;
    private final TaskHosts taskHosts;
    private final Option<SpareRam> spareRam;
    /** Fillers killed whose allocation is not released yet: their RAM is already promised back. */
    private final Set<AllocationId> stopping = new HashSet<>();
    /** Every filler allocation, claimed or about to be; see {@link #held()}. */
    private final Set<AllocationId> fillerIds = new LinkedHashSet<>();

    @Inject
    public SpareRamFiller(BitallocConfig config, Engine engine, Launcher launcher, Clock clock,
                          AllocationJournal journal, TaskHosts taskHosts) {
        this.engine = engine;
        this.launcher = launcher;
        this.clock = clock;
        this.journal = journal;
        this.taskHosts = taskHosts;
        this.spareRam = config.filler().map(SpareRam::new);
    }

    /** The free RAM the selector plans with: the allocator's, plus what fillers hold and would give back. */
    Map<HostName, Ram> freeForTasks() {
        return withFillerRam(engine.allocator().effectiveFreeByHost(), held());
    }

    /** The allocator's free RAM with the RAM of {@code fillers} counted as free again. */
    private static Map<HostName, Ram> withFillerRam(SortedMap<HostName, Ram> free, List<Held> fillers) {
        // Summed per host first: the selector asks on every tick, and a host may run several fillers.
        java.util.Map<HostName, Ram> held = new java.util.HashMap<>();
        for (Held filler : fillers) {
            held.merge(filler.filler().host(), filler.filler().ram(), Ram::plus);
        }
        Map<HostName, Ram> result = free;
        for (java.util.Map.Entry<HostName, Ram> host : held.entrySet()) {
            result = result.computeIfPresent(host.getKey(), (name, ram) -> ram.plus(host.getValue()))._2;
        }
        return result;
    }

    /**
     * Stops the fillers that stand in the way of {@code launch}'s task, before its script's RAM ({@code
     * scriptRequest}) is allocated. Where a kill frees RAM at once, fillers hold promised RAM anyway and give it
     * back request by request, so only the script needs room now: making room for the whole task stopped fillers
     * on nearly every host at each launch, only for the next tick to lend the same RAM again.
     */
    void makeRoomFor(LaunchTask launch, AllocationRequest scriptRequest) {
        if (launcher.killsAtOnce()) {
            makeRoomFor(scriptRequest);
            return;
        }
        List<Held> toStop = engine.locked(() -> {
            if (spareRam.isEmpty()) {
                return List.<Held>empty();
            }
            List<Held> fillers = held();
            Tick real = new Tick(withFillerRam(engine.allocator().effectiveFreeByHost(),
                    fillers.filter(held -> stopping.contains(held.id()))), TaskRamInUse.of(engine, taskHosts));
            List<Filler> chosen = spareRam.get().toStopFor(launch.footprint(),
                    engine.taskSelector().config().helperRam().largest(),
                    TaskSelector.budgetWithout(engine.selector(), real, Option.some(launch.target())),
                    fillers.filter(held -> !stopping.contains(held.id())).map(Held::filler));
            return markStopping(fillers, chosen);
        });
        toStop.forEach(this::stop);
    }

    /**
     * Stops fillers so that {@code request} fits, when stopping frees RAM at once; elsewhere fillers only ever
     * hold RAM no task was promised, and a request does not wait for a kill it cannot see done.
     */
    void makeRoomFor(AllocationRequest request) {
        if (spareRam.isEmpty() || !launcher.killsAtOnce()) {
            return;
        }
        List<Held> toStop = engine.locked(() -> {
            RamBudget free = RamBudget.of(engine.allocator().effectiveFreeByHost());
            if (fillerIds.isEmpty()
                    || SpareRam.fitsRequest(free, request.chunkSize(), request.chunkCount(), request.contiguous())) {
                return List.<Held>empty();
            }
            List<Held> running = held().filter(held -> !stopping.contains(held.id()));
            return markStopping(running, spareRam.get().toStopForRequest(request.chunkSize(), request.chunkCount(),
                    request.contiguous(), free, running.map(Held::filler)));
        });
        toStop.forEach(this::stop);
    }

    /** The held fillers {@code chosen} names, marked as stopping so no later decision counts or stops them again. */
    private List<Held> markStopping(List<Held> fillers, List<Filler> chosen) {
        List<Held> stopped = fillers.filter(held -> chosen.contains(held.filler()));
        stopped.forEach(held -> stopping.add(held.id()));
        return stopped;
    }

    /** Lends what is spare now to new fillers, each as large as the roomiest host allows. */
    void fill() {
        List<Started> started = engine.locked(() -> spareRam.map(this::allocateFillers).getOrElse(List.empty()));
        started.forEach(this::launch);
    }

    private List<Started> allocateFillers(SpareRam spare) {
        Instant now = clock.now();
        Allocator allocator = engine.allocator();
        stopping.removeIf(id -> allocator.chunkSizeOf(id).isEmpty());
        List<HostLedgerView> ledger = allocator.ledger();
        Ram networkMax = ledger.foldLeft(Ram.ZERO, (sum, host) -> sum.plus(host.maxRam()));
        java.util.Map<HostName, Ram> maxRam = new java.util.HashMap<>();
        ledger.forEach(host -> maxRam.put(host.host(), host.maxRam()));
        java.util.Map<HostName, Ram> room = roomForFillers(ledger, networkMax);
        FillerScript script = spare.filler();
        if (largestChunks(room, script.threadRam()) == 0) {
            return List.empty();
        }
        Option<HostName> target = engine.taskSelector().experienceTarget(engine.selector());
        if (target.isEmpty()) {
            return List.empty();
        }
        SortedMap<HostName, Ram> freeNow = allocator.effectiveFreeByHost();
        RamBudget lendable = launcher.killsAtOnce()
                ? RamBudget.of(freeNow.map((host, free) -> Tuple.of(host, SpareRam.lendableAtOnce(free, maxRam.get(host)))))
                : TaskSelector.budgetWithout(engine.selector(), new Tick(freeNow, TaskRamInUse.of(engine, taskHosts)),
                        Option.none());
        long spareThreads = spare.spareThreads(lendable,
                launcher.killsAtOnce() ? Ram.ZERO : engine.taskSelector().waitingDemand(engine.selector(), now),
                !stopping.isEmpty());
        List<Started> started = List.empty();
        int hosts = ledger.size();
        for (int attempt = 0; spareThreads > 0 && attempt < hosts; attempt++) {
            int threads = (int) Math.min(Math.min(spareThreads, largestChunks(room, script.threadRam())),
                    Integer.MAX_VALUE);
            if (threads < 1) {
                break;
            }
            AllocationRequest request = new AllocationRequest(ControlPlaneRequester.INSTANCE, script.file(),
                    script.threadRam(), threads, true, false, false, true);
            Either<?, Allocation> granted = allocator.allocate(request, engine.session(), now);
            if (granted.isLeft()) {
                break;
            }
            journal.granted(granted.get(), now);
            fillerIds.add(granted.get().id());
            Grant grant = granted.get().grants().head();
            // A filler is one contiguous grant: only its host's room changes.
            room.computeIfPresent(grant.host(), (host, free) -> {
                Ram left = free.minusOrZero(grant.ram());
                return SpareRam.worthAFiller(left, maxRam.get(host), networkMax) ? left : null;
            });
            started = started.append(new Started(granted.get().id(), grant.host(), threads,
                    allocator.tags().withTag(granted.get().id(), List.of(target.get().value()))));
            spareThreads -= threads;
        }
        return started;
    }

    /**
     * The hosts with room worth a filler, read straight off the ledger: on most ticks the fillers already hold the
     * spare RAM, and this answers "none" before any map of the whole network is built.
     */
    private java.util.Map<HostName, Ram> roomForFillers(List<HostLedgerView> ledger, Ram networkMax) {
        java.util.Map<HostName, Ram> room = new java.util.HashMap<>();
        for (HostLedgerView host : ledger) {
            // Promised RAM, and RAM waiting targets would take, may be lent only where it comes back the moment a
            // task or its helpers ask for it; elsewhere a filler must never stand in a task's way.
            Ram free = launcher.killsAtOnce() ? SpareRam.lendableAtOnce(host.effectiveFree(), host.maxRam())
                    : host.effectiveFree();
            if (SpareRam.worthAFiller(free, host.maxRam(), networkMax)) {
                room.put(host.host(), free);
            }
        }
        return room;
    }

    private static long largestChunks(java.util.Map<HostName, Ram> room, Ram chunk) {
        long largest = 0;
        for (Ram free : room.values()) {
            largest = Math.max(largest, free.chunksOf(chunk));
        }
        return largest;
    }

    private void launch(Started filler) {
        Either<LaunchFailure, Pid> pid = launcher.launch(filler.host(), spareRam.get().filler().file(),
                filler.threads(), filler.args());
        engine.locked(() -> {
            Instant now = clock.now();
            if (pid.isRight()) {
                engine.allocator().claim(filler.id(), filler.host(), pid.get(), filler.threads(), now).toOption()
                        .filter(outcome -> outcome instanceof ClaimOutcome.Claimed)
                        .forEach(outcome -> journal.claimed(engine.allocator().allocation(filler.id()).get(),
                                ((ClaimOutcome.Claimed) outcome).claim(), now));
            } else {
                if (pid.getLeft() == LaunchFailure.NOT_ENOUGH_RAM) {
                    engine.allocator().recordClash(filler.host());
                }
                release(filler.id(), now);
            }
        });
    }

    private void stop(Held held) {
        boolean killed = launcher.kill(held.filler().pid());
        if (killed && launcher.killsAtOnce()) {
            engine.locked(() -> {
                release(held.id(), clock.now());
                stopping.remove(held.id());
            });
        }
    }

    private void release(AllocationId id, Instant now) {
        engine.allocator().release(id).toOption().filter(outcome -> outcome instanceof ReleaseOutcome.Released)
                .forEach(outcome -> journal.released(engine.allocator(), (ReleaseOutcome.Released) outcome,
                        AllocationChange.RELEASED, requester(), engine.session(), now));
    }

    /** After a restart: the fillers the store brought back are found once among all allocations. */
    void restored() {
        fillerIds.clear();
        spareRam.forEach(spare -> engine.allocator().allocations()
                .filter(allocation -> isFiller(allocation, spare.filler()))
                .forEach(allocation -> fillerIds.add(allocation.id())));
    }

    private static boolean isFiller(Allocation allocation, FillerScript script) {
        return allocation.request().requester().equals(ControlPlaneRequester.INSTANCE)
                && allocation.request().script().equals(script.file());
    }

    /**
     * Running fillers, each with the pid that claimed it. Kept as an index of ids rather than found among all
     * allocations: a helper's request may look here, and a late-game network holds thousands of allocations.
     */
    private List<Held> held() {
        java.util.List<Held> held = new ArrayList<>();
        for (Iterator<AllocationId> ids = fillerIds.iterator(); ids.hasNext(); ) {
            AllocationId id = ids.next();
            // A claim from an earlier game session names a pid the reload ended and the game may have reused:
            // that filler is gone already (the scan releases it), and killing its pid could hit a task.
            boolean live = engine.allocator().forEachClaim(id, (claim, chunk) -> {
                if (claim.session().equals(engine.session())) {
                    held.add(new Held(id, new Filler(claim.pid(), claim.host(), chunk.times(claim.chunks()))));
                }
            });
            if (!live) {
                ids.remove();
            }
        }
        return List.ofAll(held);
    }

    private static String requester() {
        return StoredRecords.requesterText(ControlPlaneRequester.INSTANCE);
    }

    private record Held(AllocationId id, Filler filler) {
    }

    private record Started(AllocationId id, HostName host, int threads, List<String> args) {
    }
}

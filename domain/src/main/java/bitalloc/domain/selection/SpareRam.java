package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.function.Predicate;

/**
 * Lends RAM that no task can use to the filler script, and takes it back when a task needs it. The free picture
 * it reads is the real one (filler RAM counted as held); the selector plans with filler RAM counted as free, so
 * a task is never sized down because fillers were there first. Where stopping a filler frees its RAM at once,
 * fillers may also hold RAM promised to running tasks, and are stopped when a task's helpers ask for it.
 */
public final class SpareRam {

    private static final int FILLERS_PER_HOST = 8;
    private static final int FILLERS_PER_NETWORK = 256;

    private final FillerScript filler;

    public SpareRam(FillerScript filler) {
        this.filler = filler;
    }

    public FillerScript filler() {
        return filler;
    }

    /**
     * Free RAM fillers may take on a host where stopping them frees RAM at once: all of it but one percent of
     * the host (whole hundredths, rounded up), so most helper requests fit without stopping a filler first.
     */
    public static Ram lendableAtOnce(Ram free, Ram hostMax) {
        return free.minusOrZero(hostMax.percentCeil(1));
    }

    /**
     * Whether {@code room} on a host of {@code hostMax}, in a network of {@code networkMax} in all, is worth a filler
     * of its own: at least an eighth of the host, or at least a 256th of the network. Smaller room waits until it
     * joins more (helpers ending beside it, a filler stopped), so a network runs at most about eight fillers a host
     * plus 256. Lending each scrap that a helper leaves as it ends gave mid-game networks thousands of small fillers,
     * and every scan and every decision that reads them slowed down with their number; on a small early-game network
     * the same scraps are a large share of all RAM, and the second bound still lends them.
     */
    public static boolean worthAFiller(Ram room, Ram hostMax, Ram networkMax) {
        return !room.isZero() && (room.times(FILLERS_PER_HOST).isAtLeast(hostMax)
                || room.times(FILLERS_PER_NETWORK).isAtLeast(networkMax));
    }

    /**
     * Filler threads that may start now: what {@code budget} holds beyond what targets waiting for a launch would
     * use at full size. Zero while any earlier filler is still being stopped, so RAM taken back for a task is not
     * lent out again before the task has it.
     */
    public long spareThreads(RamBudget budget, Ram waitingDemand, boolean fillersStopping) {
        if (fillersStopping) {
            return 0;
        }
        long wanted = -Math.floorDiv(-waitingDemand.hundredths(), filler.threadRam().hundredths());
        return Math.max(0, budget.threadCapacity(filler.threadRam()) - wanted);
    }

    /**
     * The fillers to stop, largest first, so that a task with {@code footprint} fits: its script on some host and
     * its helpers' threads beside every earlier promise. {@code afterPromises} must not yet hold the footprint.
     */
    public List<Filler> toStopFor(RamFootprint footprint, Ram helperThreadRam, RamBudget afterPromises,
                                  List<Filler> running) {
        List<Filler> stopped = List.empty();
        RamBudget budget = afterPromises;
        List<Filler> candidates = running.sortBy(held -> -held.ram().hundredths());
        while (!fits(budget, footprint, helperThreadRam) && !candidates.isEmpty()) {
            Filler next = preferred(budget, footprint, candidates);
            stopped = stopped.append(next);
            candidates = candidates.remove(next);
            budget = budget.freeing(next.host(), next.ram());
        }
        return stopped;
    }

    /**
     * The fillers to stop so that {@code chunks} chunks of {@code chunk} fit the free picture {@code free} (all on
     * one host when {@code contiguous}): the largest first; for a contiguous request the smallest filler whose
     * host could then take it, else the one whose host comes closest.
     */
    public List<Filler> toStopForRequest(Ram chunk, int chunks, boolean contiguous, RamBudget free,
                                         List<Filler> running) {
        List<Filler> stopped = List.empty();
        RamBudget budget = free;
        List<Filler> candidates = running.sortBy(held -> -held.ram().hundredths());
        while (!fitsRequest(budget, chunk, chunks, contiguous) && !candidates.isEmpty()) {
            Filler next = contiguous ? forContiguous(budget, chunk, chunks, candidates) : candidates.head();
            stopped = stopped.append(next);
            candidates = candidates.remove(next);
            budget = budget.freeing(next.host(), next.ram());
        }
        return stopped;
    }

    private static Filler forContiguous(RamBudget budget, Ram chunk, int chunks, List<Filler> candidates) {
        return smallestSufficient(candidates, held -> afterStopping(budget, held).chunksOf(chunk) >= chunks)
                .getOrElse(() -> candidates.maxBy((a, b) -> afterStopping(budget, a).compareTo(afterStopping(budget, b)))
                        .get());
    }

    private static Ram afterStopping(RamBudget budget, Filler held) {
        return budget.free(held.host()).plus(held.ram());
    }

    /** Whether {@code chunks} chunks of {@code chunk} fit {@code budget} now (on one host when contiguous). */
    public static boolean fitsRequest(RamBudget budget, Ram chunk, int chunks, boolean contiguous) {
        return contiguous ? budget.largestHostChunks(chunk) >= chunks : budget.threadCapacity(chunk) >= chunks;
    }

    /** While no host can take the script, the smallest filler whose host could then take it goes first. */
    private static Filler preferred(RamBudget budget, RamFootprint footprint, List<Filler> candidates) {
        if (budget.hostFor(footprint.scriptRam()).isDefined()) {
            return candidates.head();
        }
        return smallestSufficient(candidates,
                held -> budget.free(held.host()).plus(held.ram()).isAtLeast(footprint.scriptRam()))
                .getOrElse(candidates.head());
    }

    /** Stopping more than needed only idles RAM until the next fill: the smallest filler that does it. */
    private static Option<Filler> smallestSufficient(List<Filler> candidates, Predicate<Filler> sufficient) {
        return candidates.filter(sufficient).minBy(held -> held.ram().hundredths());
    }

    private static boolean fits(RamBudget budget, RamFootprint footprint, Ram helperThreadRam) {
        Option<HostName> scriptHost = budget.hostFor(footprint.scriptRam());
        if (scriptHost.isEmpty()) {
            return false;
        }
        RamBudget withScript = budget.promising(new RamFootprint(scriptHost.get(), footprint.scriptRam(), Ram.ZERO));
        long helperThreads = -Math.floorDiv(-footprint.helperRam().hundredths(), helperThreadRam.hundredths());
        return withScript.threadCapacity(helperThreadRam) >= helperThreads;
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.Tuple2;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * The RAM a new task may plan with: the allocator's free RAM per host, less what earlier tasks were promised
 * and do not hold yet. A task script needs one host; helper threads spread over hosts, so their capacity is the
 * sum over hosts of the whole threads each can hold, never the total free RAM divided by the thread size.
 */
public final class RamBudget {

    private final Map<HostName, Ram> freeByHost;
    private final Ram promisedToHelpers;

    private RamBudget(Map<HostName, Ram> freeByHost, Ram promisedToHelpers) {
        this.freeByHost = freeByHost;
        this.promisedToHelpers = promisedToHelpers;
    }

    public static RamBudget of(Map<HostName, Ram> freeByHost) {
        return new RamBudget(freeByHost, Ram.ZERO);
    }

    /** This budget with {@code footprint} promised: its script's RAM on its host, its helpers' RAM anywhere. */
    public RamBudget promising(RamFootprint footprint) {
        Map<HostName, Ram> free = freeByHost.computeIfPresent(footprint.scriptHost(),
                (host, ram) -> ram.minusOrZero(footprint.scriptRam()))._2;
        return new RamBudget(free, promisedToHelpers.plus(footprint.helperRam()));
    }

    /** This budget with {@code ram} more free on {@code host}: what stopping a process there gives back. */
    public RamBudget freeing(HostName host, Ram ram) {
        return new RamBudget(freeByHost.put(host, free(host).plus(ram)), promisedToHelpers);
    }

    /** The most whole chunks of {@code chunk} any single host can take. */
    public long largestHostChunks(Ram chunk) {
        long largest = 0;
        for (Ram free : freeByHost.values()) {
            largest = Math.max(largest, free.chunksOf(chunk));
        }
        return largest;
    }

    /** The free RAM of one host (zero for a host the budget does not know). */
    public Ram free(HostName host) {
        return freeByHost.get(host).getOrElse(Ram.ZERO);
    }

    /** The host with the most free RAM that can hold {@code scriptRam} (ties: first by name). */
    public Option<HostName> hostFor(Ram scriptRam) {
        // Plain loops here and below: fillers are chosen by asking these again after each one stopped.
        HostName best = null;
        Ram bestFree = null;
        for (Tuple2<HostName, Ram> entry : freeByHost) {
            Ram free = entry._2;
            if (free.isAtLeast(scriptRam) && (best == null || free.compareTo(bestFree) > 0
                    || free.compareTo(bestFree) == 0 && entry._1.compareTo(best) < 0)) {
                best = entry._1;
                bestFree = free;
            }
        }
        return Option.of(best);
    }

    /**
     * Whole threads of {@code threadRam} that fit, host by host, once promised helper RAM is set aside (rounded
     * up to whole threads, so a promise never shrinks into a gap too small to matter).
     */
    public long threadCapacity(Ram threadRam) {
        long fitting = 0;
        for (Ram free : freeByHost.values()) {
            fitting += free.chunksOf(threadRam);
        }
        long promised = -Math.floorDiv(-promisedToHelpers.hundredths(), threadRam.hundredths());
        return Math.max(0, fitting - promised);
    }

    /**
     * Whole threads of {@code threadRam} that still fit once a script of {@code scriptRam} takes its own RAM on
     * whichever host able to hold it the allocator picks: the capacity less the worst such host's loss.
     */
    public long threadCapacityAfterScript(Ram scriptRam, Ram threadRam) {
        long worstLoss = 0;
        for (Ram free : freeByHost.values()) {
            if (free.isAtLeast(scriptRam)) {
                worstLoss = Math.max(worstLoss, free.chunksOf(threadRam) - free.minus(scriptRam).chunksOf(threadRam));
            }
        }
        return Math.max(0, threadCapacity(threadRam) - worstLoss);
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.game.HackingFormulas;
import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.selection.TaskPlan.Batch;
import bitalloc.domain.selection.TaskPlan.HarvestPlan;
import bitalloc.domain.selection.TaskPlan.SowPlan;
import bitalloc.domain.selection.TaskPlan.TillPlan;
import io.vavr.collection.Iterator;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Classifies targets (T1) and sizes each phase's helper threads from the game formulas (T7). Given fewer helper
 * threads than a phase needs, it plans a smaller operation instead of one that cannot get its RAM.
 * Thread counts assume one-core hosts: cores only make grow and weaken stronger, so the plan stays sufficient.
 */
public final class TaskPlanner {

    private static final int ONE_CORE = 1;

    private final SelectorConfig config;
    private final HackingFormulas formulas;

    public TaskPlanner(SelectorConfig config) {
        this.config = config;
        this.formulas = new HackingFormulas(config.bitNode());
    }

    /** Security above minimum + tolerance → till; else money below the sow ratio of maximum → sow; else harvest. */
    public Lifecycle classify(TargetServer server) {
        if (server.security().level() > server.minSecurity().level() + config.tillSecurityTolerance()) {
            return Lifecycle.TILL;
        }
        if (server.money().isBelow(server.maxMoney().times(config.sowMoneyRatio()))) {
            return Lifecycle.SOW;
        }
        return Lifecycle.HARVEST;
    }

    /** Only servers the player can hack and that hold money are worth preparing. */
    public boolean worthHacking(TargetServer server, Player player) {
        return player.hackingLevel() >= server.requiredHackingLevel() && server.maxMoney().dollars() > 0;
    }

    /** Hacking experience per second one weaken thread earns looping on {@code server} as it is now. */
    public double experienceRate(TargetServer server, Player player) {
        double seconds = formulas.weakenTime(server, player).toMillis() / 1000.0;
        return formulas.experiencePerThread(server) / Math.max(seconds, 0.001);
    }

    /** The phase at full size, as if RAM were unlimited: the estimate of what the target needs. */
    public Option<TaskPlan> fullPlan(Lifecycle lifecycle, TargetServer server, Player player) {
        return plan(lifecycle, server, player, Long.MAX_VALUE);
    }

    /** The largest useful plan whose helpers fit in {@code threadCapacity} threads; none when nothing useful fits. */
    public Option<TaskPlan> plan(Lifecycle lifecycle, TargetServer server, Player player, long threadCapacity) {
        return switch (lifecycle) {
            case TILL -> till(server, threadCapacity);
            case SOW -> sow(server, player, threadCapacity);
            case HARVEST -> harvest(server, player, threadCapacity);
        };
    }

    private Option<TaskPlan> till(TargetServer server, long capacity) {
        long needed = formulas.weakenThreadsToMinimum(server, ONE_CORE);
        long planned = Math.min(needed, capacity);
        return planned < 1 ? Option.none() : Option.some(new TillPlan(planned, needed));
    }

    /**
     * Grow threads up to maximum money and the weakens that cancel the security those grows add. Security already
     * above minimum is left alone: it is within the till tolerance, and weakening it too could leave a small network
     * unable to fit any sow at all.
     */
    private Option<TaskPlan> sow(TargetServer server, Player player, long capacity) {
        long needed = formulas.growThreads(server, player, server.money(), server.maxMoney(), ONE_CORE);
        if (needed < 1) {
            return Option.none();
        }
        long grow = largestFitting(needed, capacity, g -> g + weakensAfterGrow(g));
        return grow < 1 ? Option.none() : Option.some(new SowPlan(grow, weakensAfterGrow(grow), needed));
    }

    private long weakensAfterGrow(long growThreads) {
        return formulas.weakenThreadsFor(formulas.growSecurityIncrease(growThreads), ONE_CORE);
    }

    /**
     * Tries hack sizes from the largest allowed fraction down, halving, and keeps the one that takes the most money
     * per round of batches (hack threads × batches that fit); ties go to the plan using fewer threads.
     */
    private Option<TaskPlan> harvest(TargetServer observed, Player player, long capacity) {
        TargetServer server = observed.prepared();
        double perThread = formulas.hackFractionPerThread(server, player);
        if (perThread <= 0) {
            return Option.none();
        }
        long largestHack = Math.max(1, (long) Math.floor(config.maxHackFraction() / perThread));
        int wantedBatches = batchesWanted(server, player);
        Option<HarvestPlan> best = Iterator.iterate(largestHack, hack -> hack / 2)
                .takeWhile(hack -> hack >= 1)
                .flatMap(hack -> harvestOf(server, player, hack, perThread, wantedBatches, capacity, largestHack))
                .foldLeft(Option.none(), (chosen, candidate) ->
                        chosen.filter(current -> !isBetter(candidate, current)).orElse(Option.some(candidate)));
        return Option.narrow(best);
    }

    private Option<HarvestPlan> harvestOf(TargetServer server, Player player, long hack, double perThread,
                                          int wantedBatches, long capacity, long largestHack) {
        double fraction = Math.min(1, hack * perThread);
        long hackWeaken = formulas.weakenThreadsFor(formulas.hackSecurityIncrease(hack), ONE_CORE);
        Money afterHack = server.maxMoney().times(1 - fraction);
        long grow = Math.max(1, formulas.growThreads(server, player, afterHack, server.maxMoney(), ONE_CORE));
        long growWeaken = formulas.weakenThreadsFor(formulas.growSecurityIncrease(grow), ONE_CORE);
        Batch batch = new Batch(hack, hackWeaken, grow, growWeaken);
        long fitting = Math.min(wantedBatches, capacity / batch.threads());
        if (fitting < 1) {
            return Option.none();
        }
        int batches = (int) fitting;
        boolean scaledDown = batches < wantedBatches || hack < largestHack;
        return Option.some(new HarvestPlan(batch, fraction, batches, config.batchSpacing(), scaledDown));
    }

    private static boolean isBetter(HarvestPlan candidate, HarvestPlan current) {
        long candidateYield = candidate.batch().hackThreads() * candidate.batchesInFlight();
        long currentYield = current.batch().hackThreads() * current.batchesInFlight();
        return candidateYield > currentYield
                || candidateYield == currentYield && candidate.helperThreads() < current.helperThreads();
    }

    /** Batches alive at once when one starts every four spacings and each lasts a weaken time. */
    private int batchesWanted(TargetServer server, Player player) {
        Duration weaken = formulas.weakenTime(server, player);
        long perWeaken = weaken.toNanos() / config.batchSpacing().multipliedBy(4).toNanos();
        return (int) Math.max(1, Math.min(config.maxBatchesInFlight(), perWeaken));
    }

    /** The largest n in [1, upTo] with cost(n) ≤ capacity, for a cost that grows with n; 0 when even 1 is too much. */
    private static long largestFitting(long upTo, long capacity, LongUnaryOperator cost) {
        if (cost.applyAsLong(1) > capacity) {
            return 0;
        }
        long low = 1;
        long high = upTo;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (cost.applyAsLong(middle) <= capacity) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.Locale;

/**
 * What a task script is asked to do, sized to the RAM available when it was launched. The thread counts travel
 * to the script as arguments; the helper RAM they need is the task's footprint beyond its own script.
 */
public sealed interface TaskPlan {

    Lifecycle lifecycle();

    /** Helper threads alive at once when the task runs at full planned size. */
    long helperThreads();

    /** RAM of those helper threads. */
    Ram helperRam(HelperRam ram);

    /** True when RAM was short and the plan is smaller than what the target needs in one go. */
    boolean scaledDown();

    /** Arguments for the task script, one {@code --name=value} each. */
    List<String> args(HostName target);

    /** Till: weaken the target towards its minimum security. */
    record TillPlan(long weakenThreads, long weakenThreadsNeeded) implements TaskPlan {
        public TillPlan {
            requirePositive(weakenThreads, "weaken threads");
            if (weakenThreadsNeeded < weakenThreads) {
                throw new IllegalArgumentException("planned more weaken threads than needed");
            }
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.TILL;
        }

        @Override
        public long helperThreads() {
            return weakenThreads;
        }

        @Override
        public Ram helperRam(HelperRam ram) {
            return ram.weaken().times(weakenThreads);
        }

        @Override
        public boolean scaledDown() {
            return weakenThreads < weakenThreadsNeeded;
        }

        @Override
        public List<String> args(HostName target) {
            return List.of(arg("target", target.value()), arg("weakenThreads", weakenThreads));
        }
    }

    /** Sow: grow the target's money towards its maximum, with the weakens that undo the grows' security. */
    record SowPlan(long growThreads, long weakenThreads, long growThreadsNeeded) implements TaskPlan {
        public SowPlan {
            requirePositive(growThreads, "grow threads");
            requirePositive(weakenThreads, "weaken threads");
            if (growThreadsNeeded < growThreads) {
                throw new IllegalArgumentException("planned more grow threads than needed");
            }
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.SOW;
        }

        @Override
        public long helperThreads() {
            return growThreads + weakenThreads;
        }

        @Override
        public Ram helperRam(HelperRam ram) {
            return ram.grow().times(growThreads).plus(ram.weaken().times(weakenThreads));
        }

        @Override
        public boolean scaledDown() {
            return growThreads < growThreadsNeeded;
        }

        @Override
        public List<String> args(HostName target) {
            return List.of(arg("target", target.value()), arg("growThreads", growThreads),
                    arg("weakenThreads", weakenThreads));
        }
    }

    /**
     * Harvest: batches of hack, weaken, grow, weaken, a new batch every four spacings, so that
     * {@code batchesInFlight} batches are alive at once.
     */
    record HarvestPlan(Batch batch, double hackFraction, int batchesInFlight, Duration batchSpacing,
                       boolean scaledDown) implements TaskPlan {
        public HarvestPlan {
            if (batchesInFlight < 1) {
                throw new IllegalArgumentException("a harvest runs at least one batch: " + batchesInFlight);
            }
            if (!(hackFraction > 0 && hackFraction <= 1)) {
                throw new IllegalArgumentException("hack fraction must be in (0, 1]: " + hackFraction);
            }
        }

        @Override
        public Lifecycle lifecycle() {
            return Lifecycle.HARVEST;
        }

        @Override
        public long helperThreads() {
            return batch.threads() * batchesInFlight;
        }

        @Override
        public Ram helperRam(HelperRam ram) {
            return batch.ram(ram).times(batchesInFlight);
        }

        @Override
        public List<String> args(HostName target) {
            return List.of(arg("target", target.value()),
                    arg("hackThreads", batch.hackThreads()),
                    arg("hackWeakenThreads", batch.hackWeakenThreads()),
                    arg("growThreads", batch.growThreads()),
                    arg("growWeakenThreads", batch.growWeakenThreads()),
                    arg("batches", batchesInFlight),
                    arg("spacingMs", batchSpacing.toMillis()),
                    "--hackFraction=" + String.format(Locale.ROOT, "%.6f", hackFraction));
        }
    }

    /** One hack/weaken/grow/weaken batch: the hack, the weaken undoing it, the regrow, the weaken undoing that. */
    record Batch(long hackThreads, long hackWeakenThreads, long growThreads, long growWeakenThreads) {
        public Batch {
            requirePositive(hackThreads, "hack threads");
            requirePositive(hackWeakenThreads, "weaken threads after the hack");
            requirePositive(growThreads, "grow threads");
            requirePositive(growWeakenThreads, "weaken threads after the grow");
        }

        public long threads() {
            return hackThreads + hackWeakenThreads + growThreads + growWeakenThreads;
        }

        public Ram ram(HelperRam ram) {
            return ram.hack().times(hackThreads)
                    .plus(ram.weaken().times(hackWeakenThreads + growWeakenThreads))
                    .plus(ram.grow().times(growThreads));
        }
    }

    private static String arg(String name, Object value) {
        return "--" + name + "=" + value;
    }

    private static void requirePositive(long threads, String what) {
        if (threads < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + threads);
        }
    }
}

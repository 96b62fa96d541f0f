package bitalloc.domain.selection;

import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.Lazy;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.util.function.Supplier;

/** Something the task selector learns. The application turns port results and messages into these. */
public sealed interface SelectorEvent {

    /** A server became a possible target (rooted, money-bearing). */
    record TargetDiscovered(HostName target) implements SelectorEvent {
    }

    /** A target's current state and the player's stats, read from the game; also discovers the target. */
    record TargetObserved(TargetServer server, Player player) implements SelectorEvent {
    }

    /**
     * The selector's clock tick, the only event that may launch a task. Its RAM picture is read only if the tick
     * considers a launch: many ticks have no target waiting, and reading the picture walks every host and every
     * allocation.
     *
     * @param lazyFreeRam      the allocator's effective free RAM per usable host, at this instant
     * @param lazyTaskRamInUse for each task pid, the RAM of that task (its own script and its helpers' allocations)
     *                         already subtracted in the free RAM. The rest of a task's planned footprint is still
     *                         promised to it and is kept off-limits for new launches; see {@link RamFootprint}.
     */
    record Tick(Lazy<Map<HostName, Ram>> lazyFreeRam, Lazy<Map<Pid, Ram>> lazyTaskRamInUse) implements SelectorEvent {

        public Tick(Map<HostName, Ram> freeRam, Map<Pid, Ram> taskRamInUse) {
            this(Lazy.of(() -> freeRam), Lazy.of(() -> taskRamInUse));
        }

        /** A tick whose RAM picture is read when first needed, by the thread handling the tick. */
        public static Tick readWhenNeeded(Supplier<Map<HostName, Ram>> freeRam,
                                          Supplier<Map<Pid, Ram>> taskRamInUse) {
            return new Tick(Lazy.of(freeRam), Lazy.of(taskRamInUse));
        }

        /** A tick where no task's RAM is visible in the free picture yet (every footprint counts in full). */
        public static Tick of(Map<HostName, Ram> freeRam) {
            return new Tick(freeRam, HashMap.empty());
        }

        public Map<HostName, Ram> freeRam() {
            return lazyFreeRam.get();
        }

        public Map<Pid, Ram> taskRamInUse() {
            return lazyTaskRamInUse.get();
        }
    }

    /** The game started the task script launched for {@code target}. */
    record LaunchSucceeded(HostName target, Pid pid) implements SelectorEvent {
    }

    /** The game refused to start the task script launched for {@code target}. */
    record LaunchFailed(HostName target, LaunchFailureReason reason) implements SelectorEvent {
    }

    /** A task script says it is alive. The first heartbeat confirms a launch or lets the selector adopt the task. */
    record Heartbeat(Pid pid, String script, HostName target, Lifecycle lifecycle) implements SelectorEvent {
    }

    /** A task script completed its phase and is exiting; the target is classified again from a fresh observation. */
    record TaskFinished(HostName target, Lifecycle lifecycle, Pid pid) implements SelectorEvent {
    }

    /** A scan no longer sees this process. */
    record ProcessExited(Pid pid) implements SelectorEvent {
    }

    /** The allocator refused RAM for helpers requested by this task pid. */
    record HelpersRefused(Pid pid) implements SelectorEvent {
    }

    /**
     * A scan sees a task script running. Report it on every poll: it is how the selector tells a slow task from a
     * dead launch, and how it finds tasks it does not know after a restart.
     */
    record TaskProcessSeen(Pid pid, String script, HostName host, HostName target, Lifecycle lifecycle)
            implements SelectorEvent {
    }

    /**
     * The selector restarted: tasks its persisted state knew in the current game session (pids of an earlier
     * session must not be passed) and its counters so far. Opens the recovery window; send it at every start,
     * even with nothing persisted.
     */
    record Restored(List<RestoredTask> tasks, SelectorCounters counters) implements SelectorEvent {
    }

    /** The game reloaded: every pid is gone, and saved task scripts restart under new pids. */
    record GameReloaded() implements SelectorEvent {
    }

    /** A task the selector's persisted state knew. */
    record RestoredTask(HostName target, Pid pid, Lifecycle lifecycle, HostName host) {
    }
}

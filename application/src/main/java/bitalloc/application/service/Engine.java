package bitalloc.application.service;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.out.AllocationIds;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChange;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.selection.SelectorCommand;
import bitalloc.domain.selection.SelectorEvent;
import bitalloc.domain.selection.SelectorState;
import bitalloc.domain.selection.TaskSelector;
import bitalloc.domain.selection.Transition;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one mutable heart of bitalloc: the allocator aggregate and the selector's state, behind one lock.
 * The domain is single-threaded by contract; every use case runs its domain work inside {@link #locked}.
 * Selector commands are queued here and carried out by {@link CommandRunner} after the lock is released,
 * so a slow launch never delays a heartbeat.
 */
@Singleton
public final class Engine {

    private final ReentrantLock lock = new ReentrantLock();
    private final Allocator allocator;
    private final TaskSelector taskSelector;
    private final SelectorPersistence selectorPersistence;
    private final TaskHosts taskHosts;
    private final AllocationJournal journal;
    private final Transactions transactions;
    private final Queue<SelectorCommand> outbox = new ArrayDeque<>();
    private SelectorState selector = SelectorState.initial();
    private GameSession session = GameSession.FIRST;
    private Option<SelectorEvent.Restored> restoredAwaitingScan = Option.none();

    @Inject
    public Engine(BitallocConfig config, AllocationIds ids, SelectorPersistence selectorPersistence,
                  TaskHosts taskHosts, AllocationJournal journal, Transactions transactions) {
        this.allocator = new Allocator(config.allocator(), ids::next);
        this.taskSelector = new TaskSelector(config.selector());
        this.selectorPersistence = selectorPersistence;
        this.taskHosts = taskHosts;
        this.journal = journal;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} under the lock and, once the outermost call has released it, waits until what the work saved
     * is committed: a use case answers its client after this returns. Committing outside the lock lets other
     * threads work meanwhile, and lets a store commit the changes of several threads at once.
     */
    public <T> T locked(Supplier<T> work) {
        T result;
        lock.lock();
        try {
            result = work.get();
        } finally {
            lock.unlock();
        }
        if (!lock.isHeldByCurrentThread()) {
            transactions.awaitCommitted();
        }
        return result;
    }

    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    Allocator allocator() {
        requireLock();
        return allocator;
    }

    TaskSelector taskSelector() {
        return taskSelector;
    }

    SelectorState selector() {
        requireLock();
        return selector;
    }

    GameSession session() {
        requireLock();
        return session;
    }

    void enterSession(GameSession next) {
        requireLock();
        session = next;
    }

    /**
     * Keeps the tasks recovery restored until the game is first heard from: their recovery window must count from
     * the first scan, when they can first show themselves, not from a start that may come long before it (the
     * agent retries with back-off while bitalloc is down).
     */
    void restoreAtFirstScan(SelectorEvent.Restored restored) {
        requireLock();
        restoredAwaitingScan = Option.some(restored);
    }

    /** The first scan since the start: the restored tasks go to the selector and their recovery window opens. */
    void scanArrived(Instant now) {
        requireLock();
        Option<SelectorEvent.Restored> restored = restoredAwaitingScan;
        restoredAwaitingScan = Option.none();
        restored.forEach(event -> feed(event, now));
    }

    /** Hands one event to the selector, persists and records what changed, and queues its commands. */
    void feed(SelectorEvent event, Instant now) {
        requireLock();
        SelectorState before = selector;
        Transition transition = taskSelector.handle(before, event, now);
        selector = transition.state();
        TargetChanges changes = TargetChanges.between(before.targets(), selector.targets());
        selectorPersistence.changed(before, transition, changes, event, session, now);
        releaseEndedTasks(changes, now);
        transition.commands().forEach(outbox::add);
    }

    /** A task that can no longer be alive gives its own script's RAM back at once (R3), not after the grace. */
    private void releaseEndedTasks(TargetChanges changes, Instant now) {
        if (changes.isEmpty()) {
            return; // no task changed: the step moved only counters, the back-off or the recovery window
        }
        // This runs after every event: only targets whose task holds RAM can have anything to give back.
        for (HostName target : taskHosts.targetsWithTaskRam()) {
            // A target the step did not touch keeps its task as it was.
            if (changes.of(target).exists(change -> change.before().exists(was -> was.task().mayHaveLiveTask())
                    && change.after().forAll(after -> !after.task().mayHaveLiveTask()))) {
                taskHosts.endTask(target).forEach(id -> allocator.release(id).toOption()
                        .filter(outcome -> outcome instanceof ReleaseOutcome.Released)
                        .forEach(outcome -> journal.released(allocator, (ReleaseOutcome.Released) outcome,
                                AllocationChange.RELEASED, StoredRecords.requesterText(ControlPlaneRequester.INSTANCE),
                                session, now)));
            }
        }
    }

    boolean hasCommands() {
        requireLock();
        return !outbox.isEmpty();
    }

    /** The next queued selector command, or null when none is left. */
    SelectorCommand nextCommand() {
        requireLock();
        return outbox.poll();
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the engine's state is only touched inside Engine.locked");
        }
    }
}

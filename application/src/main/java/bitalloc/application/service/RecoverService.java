package bitalloc.application.service;

import bitalloc.application.port.in.Recover;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorCounters;
import bitalloc.domain.selection.SelectorEvent;
import bitalloc.domain.selection.SelectorEvent.RestoredTask;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Start-up (T8): the allocator gets back its allocations and registrations at once, so scripts calling right after
 * the start find what they hold. The selector gets the tasks of the latest game session with the first scan, which
 * opens its recovery window, so nothing is launched for a target whose task may live; until then it knows no
 * target and launches nothing. The first scans then drop what is gone and the first heartbeats confirm what runs.
 */
@Singleton
public final class RecoverService implements Recover {

    private final Engine engine;
    private final StateStore store;
    private final Clock clock;
    private final TaskHosts taskHosts;
    private final SpareRamFiller filler;

    @Inject
    public RecoverService(Engine engine, StateStore store, Clock clock, TaskHosts taskHosts,
                          SpareRamFiller filler) {
        this.filler = filler;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.taskHosts = taskHosts;
    }

    @Override
    public Recovery recover() {
        DurableState state = store.load();
        return engine.locked(() -> {
            Instant now = clock.now();
            Option<GameSession> stored = latestSession(state);
            stored.forEach(engine::enterSession);
            GameSession latest = stored.getOrElse(GameSession.FIRST);
            engine.allocator().restore(state.allocations().map(StoredRecords::fromStored),
                    state.registrations().map(StoredRecords::fromStored), stored, now);
            filler.restored();
            List<RestoredTask> tasks = state.tasks().filter(task -> task.session().equals(latest))
                    .map(task -> new RestoredTask(task.target(), task.pid(), lifecycle(task.lifecycle()), task.host()))
                    .appendAll(state.pendingLaunches().filter(launch -> launch.session().equals(latest))
                            .map(launch -> new RestoredTask(launch.target(), launch.pid(),
                                    lifecycle(launch.lifecycle()), launch.host())));
            tasks.forEach(task -> taskHosts.runsOn(task.pid(), task.host()));
            engine.restoreAtFirstScan(new SelectorEvent.Restored(tasks, SelectorCounters.ZERO));
            return new Recovery(state.allocations().size(), state.registrations().size(), tasks.size());
        });
    }

    /** The game the stored records come from; the first scan tells whether the game reloaded since. */
    private static Option<GameSession> latestSession(DurableState state) {
        return state.tasks().map(task -> task.session())
                .appendAll(state.pendingLaunches().map(launch -> launch.session()))
                .appendAll(state.allocations().map(allocation -> allocation.session()))
                .appendAll(state.registrations().map(registration -> registration.session()))
                .max();
    }

    private static Lifecycle lifecycle(bitalloc.application.port.out.state.TaskLifecycle stored) {
        return Lifecycle.valueOf(stored.name());
    }
}

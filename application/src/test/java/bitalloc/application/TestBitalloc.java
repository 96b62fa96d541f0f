package bitalloc.application;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.AllocationIds;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.application.port.out.ScanListener;
import bitalloc.application.port.out.Scheduler;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryHistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.application.wiring.ApplicationModule;
import bitalloc.domain.allocation.AllocationId;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Duration;
import java.util.UUID;

/** Builds the application's injector the way the composition root does, with in-memory fakes for every port. */
final class TestBitalloc {

    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong();


    final FakeGame game;
    final ManualClock clock = new ManualClock();
    final InMemoryStateStore store;
    final InMemoryHistoryLog history = new InMemoryHistoryLog();
    final Injector injector;

    TestBitalloc(FakeGame game, BitallocConfig config) {
        this(game, config, new InMemoryStateStore());
    }

    TestBitalloc(FakeGame game, BitallocConfig config, InMemoryStateStore store) {
        this.game = game;
        this.store = store;
        injector = Guice.createInjector(new ApplicationModule(config), new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                bind(Clock.class).toInstance(clock);
                bind(ProcessTable.class).toInstance(game);
                bind(Launcher.class).toInstance(game);
                bind(GameState.class).toInstance(game);
                bind(StateStore.class).toInstance(store);
                bind(Transactions.class).toInstance(store);
                bind(HistoryLog.class).toInstance(history);
                // Shared by every instance: a restarted bitalloc must not hand out an id its store still holds.
                bind(AllocationIds.class).toInstance(() -> new AllocationId(new UUID(7, NEXT_ID.incrementAndGet())));
                bind(ScanListener.class).toInstance(ScanListener.NONE);
                bind(Scheduler.class).toInstance((period, task) -> {
                    throw new UnsupportedOperationException("tests drive the loops by hand");
                });
            }
        });
    }

    /** Runs the two loops by hand in virtual time: a tick every 500 ms, a poll every 2 s, then the scripts. */
    void run(Duration duration, FakeTaskScripts scripts) {
        for (long step = 0; step < duration.toMillis() / 500; step++) {
            clock.advance(Duration.ofMillis(500));
            if (clock.now().toEpochMilli() % 2000 == 0) {
                get(PollNetwork.class).poll();
            }
            get(TickSelector.class).tick();
            scripts.step();
        }
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }
}

package bitalloc.boot;

import bitalloc.adapters.cli.SimulationAccess.Progress;
import bitalloc.adapters.sim.SimWorld;
import bitalloc.adapters.sim.metrics.SimMetrics;
import bitalloc.adapters.sim.metrics.SimReport;
import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.script.BitallocLink;
import bitalloc.adapters.sim.wiring.SimulationModule;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.QueryAllocations;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.out.ScanListener;
import bitalloc.application.port.out.Scheduler;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.application.service.ControlLoops;
import bitalloc.application.wiring.ApplicationModule;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One simulated run: a seeded world and a bitalloc wired to it through the application's ports, restarted
 * through the recovery path whenever the scenario says bitalloc crashes. Everything is driven by the world's
 * virtual clock, so the same seed gives the same report.
 */
public final class SimulationRun {

    private static final Duration PROGRESS_STEP = Duration.ofMinutes(1);
    /**
     * The durable state is committed once per this much simulated time, not once per event: no client outside the
     * simulation waits for an answer, and a restarted instance recovers from the state in memory, which holds all
     * its predecessor saved. Changes that cancel out within the slice (a helper's claim made and released, a wave's
     * allocation granted and given back) never reach the database. Only a kill of the whole run loses the slice,
     * and a killed run is not resumed anyway.
     */
    private static final Duration COMMIT_EVERY = Duration.ofMinutes(10);

    private final SimWorld world;
    private final BitallocConfig config;
    private final Store store;
    private int epoch;
    private Injector bitalloc;

    private SimulationRun(SimWorld world, BitallocConfig config, Store store) {
        this.world = world;
        this.config = config;
        this.store = store;
    }

    /** Runs {@code scenario} with {@code seed} for {@code duration}, then measures leaks two polls after the end. */
    public static SimReport run(Scenario scenario, long seed, Duration duration, BitallocConfig config, Store store,
                                Progress progress) {
        SimWorld world = SimWorld.create(scenario, seed);
        SimulationRun run = new SimulationRun(world, config, store);
        run.start();
        run.runFor(duration, progress);
        return run.finish();
    }

    /** The same run, with {@code invariants} checked after every event of the world. */
    static SimulationRun prepared(Scenario scenario, long seed, BitallocConfig config, Store store,
                                  Consumer<SimulationRun> invariants) {
        SimulationRun run = new SimulationRun(SimWorld.create(scenario, seed), config, store);
        run.start();
        invariants.accept(run);
        return run;
    }

    SimWorld world() {
        return world;
    }

    Injector bitalloc() {
        return bitalloc;
    }

    private void start() {
        SimMetrics metrics = world.metrics();
        metrics.useSetAside(setAsideByHost()::get);
        world.onBitallocRestart(() -> {
            metrics.addSelectorCounters(bitalloc.getInstance(QueryStatus.class).status().counters());
            startInstance();
        });
        startInstance();
    }

    /**
     * The set-aside the allocator's policy gives each usable host, worked out once: utilisation's denominator
     * reads it on every RAM change, and the simulated hosts never change kind or size.
     */
    private Map<HostName, Long> setAsideByHost() {
        SetAsidePolicy policy = config.allocator().setAside();
        Map<HostName, Long> setAside = new HashMap<>();
        for (SimHost host : world.network().hosts()) {
            setAside.put(host.name(), policy.setAsideFor(host.name(), host.kind(),
                    Ram.ofHundredths(host.maxRamHundredths())).hundredths());
        }
        return setAside;
    }

    /** A fresh bitalloc over the shared store; the loops of the instance it replaces go quiet. */
    private void startInstance() {
        int mine = ++epoch;
        Scheduler scheduler = (period, task) -> world.every(period, () -> {
            if (epoch == mine) {
                task.run();
            }
        });
        bitalloc = Guice.createInjector(StrictModules.of(
                new ApplicationModule(config),
                new SimulationModule(world, scheduler),
                store.module(new HarvestWatcher(store.history(), world.metrics())),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ScanListener.class).toInstance(this::scanned);
                    }

                    private void scanned(bitalloc.domain.scan.ScanReport report, List<HostLedgerView> ledger,
                                         long nanos) {
                        world.metrics().recordScan(nanos, report.processCount());
                        ledger.forEach(world.metrics()::observeHostAfterPoll);
                    }
                }));
        world.attach(bitalloc.getInstance(BitallocLink.class));
        bitalloc.getInstance(ControlLoops.class).start();
    }

    void runFor(Duration duration, Progress progress) {
        Duration done = Duration.ZERO;
        while (done.compareTo(duration) < 0) {
            Duration slice = shorter(COMMIT_EVERY, duration.minus(done));
            Duration sliceStart = done;
            store.inOneCommit(() -> {
                Duration ran = Duration.ZERO;
                while (ran.compareTo(slice) < 0) {
                    Duration step = shorter(PROGRESS_STEP, slice.minus(ran));
                    world.runFor(step);
                    ran = ran.plus(step);
                    progress.advanced(sliceStart.plus(ran), duration);
                }
            });
            done = done.plus(slice);
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private SimReport finish() {
        world.stopGenerators();
        store.inOneCommit(() -> world.runFor(config.pollInterval().multipliedBy(2)));
        world.metrics().recordLeaked(leaked());
        world.metrics().addSelectorCounters(bitalloc.getInstance(QueryStatus.class).status().counters());
        store.history().flush();
        return world.report();
    }

    /** RAM of live allocations none of whose processes runs: no tagged child, no claim, no requester. */
    Ram leaked() {
        Set<AllocationId> tagged = world.liveAllocationIds();
        return bitalloc.getInstance(QueryAllocations.class).allocations()
                .filter(allocation -> !tagged.contains(allocation.id()) && !anyProcessRuns(allocation))
                .foldLeft(Ram.ZERO, (sum, allocation) -> sum.plus(allocation.ram()));
    }

    private boolean anyProcessRuns(Allocation allocation) {
        List<Pid> pids = allocation.claims().map(claim -> claim.pid()).prepend(allocation.request().requester().pid());
        return pids.exists(pid -> world.network().process(pid).isDefined());
    }

    /** The history as bitalloc writes it, watched for each target's first harvest launch (a §7 metric). */
    private static final class HarvestWatcher implements HistoryLog {
        private final HistoryLog history;
        private final SimMetrics metrics;

        HarvestWatcher(HistoryLog history, SimMetrics metrics) {
            this.history = history;
            this.metrics = metrics;
        }

        @Override
        public void append(HistoryEvent event) {
            if (event instanceof HistoryEvent.TaskEvent task && task.kind() == HistoryEvent.TaskEventKind.LAUNCHED
                    && task.lifecycle().contains(TaskLifecycle.HARVEST)) {
                task.target().forEach(metrics::harvestStarted);
            }
            history.append(event);
        }

        @Override
        public void flush() {
            history.flush();
        }

        @Override
        public void close() {
            history.close();
        }
    }
}

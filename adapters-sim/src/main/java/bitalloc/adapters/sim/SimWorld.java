package bitalloc.adapters.sim;

import bitalloc.adapters.sim.check.HostRamInvariant;
import bitalloc.adapters.sim.check.InvariantCheck;
import bitalloc.adapters.sim.check.InvariantViolation;
import bitalloc.adapters.sim.fault.FaultInjector;
import bitalloc.application.port.out.GameState;
import bitalloc.adapters.sim.game.HelperEffects;
import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.kernel.TraceHash;
import bitalloc.adapters.sim.kernel.VirtualClock;
import bitalloc.adapters.sim.metrics.SimMetrics;
import bitalloc.adapters.sim.metrics.SimReport;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.NetworkBuilder;
import bitalloc.adapters.sim.network.ServerCatalog;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.player.PlayerModel;
import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.script.AllocTags;
import bitalloc.adapters.sim.script.BitallocLink;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.adapters.sim.script.ScriptRuntime;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.game.BitNode;
import bitalloc.domain.game.HackingFormulas;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A simulated Bitburner game in virtual time, built from a scenario and a seed: same scenario and seed, same run,
 * byte for byte. It offers bitalloc's outgoing ports ({@link #clock()}, {@link #processTable()},
 * {@link #launcher()}, {@link #gameState()}); bitalloc's in-game scripts reach bitalloc through the
 * {@link BitallocLink} given to {@link #attach}; the wiring's own loops (poll, selector tick) run as periodic
 * events ({@link #every}). Typical use:
 * <pre>{@code
 * SimWorld world = SimWorld.create(Scenarios.named("mid"), 42);
 * world.attach(link);                                  // before the run
 * world.onBitallocRestart(() -> rebuildBitalloc());    // fault handler
 * world.every(Duration.ofSeconds(2), Duration.ZERO, pollUseCase::poll);
 * world.runFor(Duration.ofHours(2));
 * world.stopGenerators();                              // no new player scripts or global faults
 * world.runFor(Duration.ofSeconds(4));                 // two more polls
 * world.metrics().recordLeaked(ledger.allocatedTo(notIn(world.liveAllocationIds())));
 * SimReport report = world.report();
 * }</pre>
 */
public final class SimWorld {

    private final Scenario scenario;
    private final long seed;
    private final Simulation simulation;
    private final GameNetwork network;
    private final ScriptRuntime scripts;
    private final PlayerModel player;
    private final FaultInjector faults;
    private final SimMetrics metrics;
    private final ProcessTable processTable;
    private final Launcher launcher;
    private final GameState gameState;
    private final SplittableRandom idBits;
    private final List<Runnable> restartHandlers = new ArrayList<>();
    private final List<Runnable> reloadHandlers = new ArrayList<>();
    private final List<InvariantCheck> invariants = new ArrayList<>();
    private boolean started;

    private SimWorld(Scenario scenario, long seed, HackingFormulas formulas) {
        this.scenario = scenario;
        this.seed = seed;
        RandomStreams random = new RandomStreams(seed);
        this.idBits = random.allocationIds();
        this.simulation = new Simulation(new VirtualClock(scenario.start()));
        this.network = NetworkBuilder.build(simulation, ServerCatalog.bundled(), scenario.network(), random.network());
        ScriptCatalog catalog = ScriptCatalog.builtIn();
        this.scripts = new ScriptRuntime(simulation, network, catalog, new HelperEffects(formulas, random.hacking()),
                scenario.hacking(), scenario.scripts(), random.scripts());
        this.metrics = new SimMetrics(simulation, network, scenario.metrics().utilizationWarmUp(),
                scenario.metrics().reclaimGiveUpPolls());
        network.observe(metrics);
        scripts.useObserver(metrics);
        this.player = new PlayerModel(simulation, network, scenario.player(), random.player());
        this.faults = new FaultInjector(simulation, scenario.faults(), random.faults(), this::reloadGame,
                this::restartBitalloc);
        scripts.useFaults(faults);
        this.processTable = new SimProcessTable(network);
        this.launcher = new SimLauncher(network, catalog, scripts);
        this.gameState = new SimGameState(network, simulation, scenario.hacking());
    }

    /** A BitNode-1 world. */
    public static SimWorld create(Scenario scenario, long seed) {
        return new SimWorld(scenario, seed, new HackingFormulas(BitNode.ONE));
    }

    // ---- ports and plugs ---------------------------------------------------------------------------------------

    public Clock clock() {
        return simulation.clock();
    }

    public ProcessTable processTable() {
        return processTable;
    }

    public Launcher launcher() {
        return launcher;
    }

    public GameState gameState() {
        return gameState;
    }

    /** The bitalloc that bitalloc's in-game scripts talk to; required before any of them runs. */
    public void attach(BitallocLink link) {
        scripts.attach(link);
    }

    /** Runs {@code driver} every {@code period}, first {@code firstAfter} from now (the poll, the selector tick). */
    public void every(Duration period, Duration firstAfter, Runnable driver) {
        simulation.every(period, firstAfter, driver);
    }

    /** The application's Scheduler port: {@code task} every {@code period}, first one period from now. */
    public void every(Duration period, Runnable task) {
        simulation.every(period, period, task);
    }

    /**
     * Random allocation ids from the run's own stream (the application's AllocationIds port): 128 bits shaped as a
     * version-4 UUID, the same for the same seed.
     */
    public AllocationId nextAllocationId() {
        long high = (idBits.nextLong() & ~0xF000L) | 0x4000L;
        long low = (idBits.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new AllocationId(new UUID(high, low));
    }

    /** Runs {@code action} once, {@code delay} from now. */
    public void after(Duration delay, Runnable action) {
        simulation.after(delay.toMillis(), action::run);
    }

    /**
     * Fault: bitalloc restarts. The handler must drop bitalloc's in-memory state and rebuild it through the
     * recovery path; the core services register again after their register delay.
     */
    public void onBitallocRestart(Runnable handler) {
        restartHandlers.add(handler);
    }

    /** Told after a game reload (every process gone, pids from 1, session + 1); bitalloc should see it by scan. */
    public void onGameReload(Runnable handler) {
        reloadHandlers.add(handler);
    }

    /** Checks {@code check} after every event; a violation stops the run with an {@link InvariantViolation}. */
    public void checkAfterEveryEvent(InvariantCheck check) {
        if (invariants.isEmpty()) {
            simulation.afterEachEvent(this::checkInvariants);
        }
        invariants.add(check);
    }

    /** The built-in invariant: no host over its max RAM ({@code recount}: also re-add every process's RAM). */
    public void checkHostRamAfterEveryEvent(boolean recount) {
        checkAfterEveryEvent(new HostRamInvariant(network, recount));
    }

    // ---- running -----------------------------------------------------------------------------------------------

    /** Schedules the world's own activity (core services, player, faults); runs on the first run call if needed. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        simulation.after(0, scripts::startCoreServices);
        player.start();
        faults.start();
    }

    public void runFor(Duration duration) {
        runUntil(simulation.clock().now().plus(duration));
    }

    public void runUntil(Instant end) {
        start();
        long endMillis = Duration.between(simulation.clock().start(), end).toMillis();
        simulation.runUntil(endMillis);
        metrics.utilization().advanceTo(simulation.now());
    }

    /** The end of a run: the player starts nothing more and no reload or restart comes; scripts carry on. */
    public void stopGenerators() {
        player.stop();
        faults.stop();
    }

    /** Allocation ids named by the tags of live processes (for {@code leaked_gb}: allocations not here leaked). */
    public Set<AllocationId> liveAllocationIds() {
        Set<AllocationId> ids = new LinkedHashSet<>();
        for (SimProcess process : network.processes()) {
            AllocTags.find(process.args()).forEach(ids::add);
        }
        return ids;
    }

    public SimMetrics metrics() {
        return metrics;
    }

    /** The report of the run so far; call once, at the end. */
    public SimReport report() {
        return metrics.report(scenario.name(), seed, simulation.trace().toString());
    }

    // ---- inspection --------------------------------------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public GameNetwork network() {
        return network;
    }

    /** The fault injector, for its counts of planned faults. */
    public FaultInjector faults() {
        return faults;
    }

    public TraceHash trace() {
        return simulation.trace();
    }

    public long eventsFired() {
        return simulation.eventsFired();
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** Reloads the game now (also what the fault injector does). */
    public void reloadGame() {
        network.reload();
        scripts.gameReloaded();
        simulation.after(scenario.scripts().coreRestartDelay().toMillis(), scripts::startCoreServices);
        reloadHandlers.forEach(Runnable::run);
    }

    /** Restarts bitalloc now (also what the fault injector does). */
    public void restartBitalloc() {
        metrics.bitallocRestarted();
        simulation.trace().add(8, simulation.now());
        restartHandlers.forEach(Runnable::run);
        scripts.bitallocRestarted();
    }

    private void checkInvariants() {
        for (InvariantCheck check : invariants) {
            Option<String> violation = check.violation();
            if (violation.isDefined()) {
                throw new InvariantViolation(scenario.name(), seed, simulation.now(), simulation.eventsFired(),
                        violation.get());
            }
        }
    }
}

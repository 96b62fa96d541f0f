package bitalloc.adapters.sim.script;

import bitalloc.domain.selection.Lifecycle;
import bitalloc.adapters.sim.game.HelperEffects;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.scenario.CoreServiceSpec;
import bitalloc.adapters.sim.scenario.HackingProfile;
import bitalloc.adapters.sim.scenario.ScriptProfile;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.host.HostName;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.SplittableRandom;

/** Everything bitalloc's simulated scripts share: the world they run in and the link to bitalloc. */
public final class ScriptRuntime {

    private final Simulation simulation;
    private final GameNetwork network;
    private final ScriptCatalog catalog;
    private final HelperEffects effects;
    private final HackingProfile hacking;
    private final ScriptProfile profile;
    private final SplittableRandom jitter;
    private final java.util.List<CoreService> liveCoreServices = new ArrayList<>();
    private ScriptFaults faults = ScriptFaults.NONE;
    private ScriptObserver observer = ScriptObserver.NONE;
    private BitallocLink link;

    public ScriptRuntime(Simulation simulation, GameNetwork network, ScriptCatalog catalog, HelperEffects effects,
                         HackingProfile hacking, ScriptProfile profile, SplittableRandom jitter) {
        this.simulation = simulation;
        this.network = network;
        this.catalog = catalog;
        this.effects = effects;
        this.hacking = hacking;
        this.profile = profile;
        this.jitter = jitter;
    }

    public void attach(BitallocLink bitallocLink) {
        this.link = bitallocLink;
    }

    public void useFaults(ScriptFaults scriptFaults) {
        this.faults = scriptFaults;
    }

    public void useObserver(ScriptObserver scriptObserver) {
        this.observer = scriptObserver;
    }

    public boolean linked() {
        return link != null;
    }

    BitallocLink link() {
        if (link == null) {
            throw new IllegalStateException("bitalloc's scripts run but no BitallocLink is attached");
        }
        return link;
    }

    Simulation simulation() {
        return simulation;
    }

    GameNetwork network() {
        return network;
    }

    ScriptCatalog catalog() {
        return catalog;
    }

    HelperEffects effects() {
        return effects;
    }

    ScriptProfile profile() {
        return profile;
    }

    ScriptFaults faults() {
        return faults;
    }

    public ScriptObserver observer() {
        return observer;
    }

    int hackingLevel() {
        return hacking.levelAt(simulation.now());
    }

    long jitterMillis(long maxMillis) {
        return maxMillis <= 0 ? 0 : jitter.nextLong(maxMillis + 1);
    }

    /** The behaviour of a script bitalloc launches through the Launcher port. */
    public ProcessBehaviour behaviourFor(ScriptSpec spec, List<String> args) {
        switch (spec.role()) {
            case TILL_TASK:
                return new TaskScript(this, spec, Lifecycle.TILL, args);
            case SOW_TASK:
                return new TaskScript(this, spec, Lifecycle.SOW, args);
            case HARVEST_TASK:
                return new TaskScript(this, spec, Lifecycle.HARVEST, args);
            case HACK_HELPER:
            case GROW_HELPER:
            case WEAKEN_HELPER:
                return new HelperScript(this, spec, args, null);
            case CORE_SERVICE:
                return new CoreService(this, spec);
            case FILLER:
                return ProcessBehaviour.IDLE;
            default:
                throw new IllegalStateException("no behaviour for " + spec.role());
        }
    }

    /** Starts one of bitalloc's scripts inside the world (a task's helper, a core service). */
    Either<LaunchFailure, SimProcess> execOurs(HostName host, ScriptSpec spec, int threads, List<String> args,
                                               boolean foreignToBitalloc, ProcessBehaviour behaviour) {
        return network.exec(host, spec.name(), threads, spec.ramPerThread(), args, Owner.BITALLOC,
                foreignToBitalloc, behaviour);
    }

    /** Starts the scenario's core services, as the player does at the start and after each game reload. */
    public void startCoreServices() {
        for (CoreServiceSpec service : profile.coreServices()) {
            ScriptSpec spec = catalog.get(service.script());
            execOurs(HostName.of(service.host()), spec, 1, List.empty(), false, new CoreService(this, spec));
        }
    }

    /** bitalloc restarted: every live core service registers again once it notices. */
    public void bitallocRestarted() {
        for (CoreService service : new ArrayList<>(liveCoreServices)) {
            service.scheduleRegistration();
        }
    }

    /** A reload killed every process without atExit: forget the core services that were running. */
    public void gameReloaded() {
        liveCoreServices.clear();
    }

    void coreServiceStarted(CoreService service) {
        liveCoreServices.add(service);
    }

    void coreServiceEnded(CoreService service) {
        liveCoreServices.remove(service);
    }

    /** Virtual milliseconds for a duration the formulas give (rounded to the nearest ms, at least 1 ms). */
    static long millis(java.time.Duration duration) {
        return Math.max(1, (duration.toNanos() + 500_000) / 1_000_000);
    }
}

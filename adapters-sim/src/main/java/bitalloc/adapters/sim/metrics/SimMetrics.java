package bitalloc.adapters.sim.metrics;

import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.NetworkObserver;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.script.AllocationRefusal;
import bitalloc.adapters.sim.script.AllocationRequest;
import bitalloc.adapters.sim.script.ScriptObserver;
import bitalloc.adapters.sim.script.ScriptRole;
import bitalloc.adapters.sim.script.TaskScript;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCounters;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Collects DESIGN.md §7's metrics. The world feeds it ground truth (clashes, RAM held, foreign exits, money);
 * the lead's wiring feeds it what only bitalloc knows through the public hooks: each poll's per-host view
 * ({@link #observeHostAfterPoll}), scan timings, task counts, back-off, first harvests and the leak at the end.
 */
public final class SimMetrics implements NetworkObserver, ScriptObserver {

    private final Simulation simulation;
    private final GameNetwork network;
    private final UtilizationMeter utilization;
    private final ReclaimTracker reclaim;
    private final Samples scanNsPerProcess = new Samples();
    private final Map<String, Double> firstHarvestSeconds = new LinkedHashMap<>();
    private long clashesOurs;
    private long clashesPlayer;
    private long clashesAverted;
    private long playerStarts;
    private long playerRefusals;
    private long launched;
    private long confirmed;
    private long failed;
    private long timedOut;
    private long killed;
    private long recovered;
    private long backoffMillis;
    private double money;
    private Option<Ram> leaked = Option.none();
    private long taskScriptsStarted;
    private long allocationsRefused;
    private long taskCrashes;
    private long taskHangs;
    private long helperTagsLost;
    private long badArguments;
    private long gameReloads;
    private long bitallocRestarts;
    private long maxConcurrentProcesses;

    public SimMetrics(Simulation simulation, GameNetwork network, Duration utilizationWarmUp, int reclaimGiveUpPolls) {
        this.simulation = simulation;
        this.network = network;
        int hosts = network.hosts().size();
        this.utilization = new UtilizationMeter(hosts, utilizationWarmUp.toMillis());
        this.reclaim = new ReclaimTracker(hosts, reclaimGiveUpPolls);
        for (SimHost host : network.hosts()) {
            utilization.hostChanged(host, 0);
        }
    }

    // ---- hooks for the lead's wiring -------------------------------------------------------------------------

    /** The allocator's set-aside per host, so utilization's denominator matches the policy (default none). */
    public void useSetAside(ToLongFunction<HostName> setAsideHundredths) {
        utilization.useSetAside(host -> setAsideHundredths.applyAsLong(host.name()));
        for (SimHost host : network.hosts()) {
            utilization.hostChanged(host, simulation.now());
        }
    }

    /**
     * After each poll, per host, the ledger line. What reclaim watches is effective free plus bitalloc's own
     * grants before the clamp at zero: max − set-aside − registered − reserved − margin − over-grant. Unclamped,
     * because on a host whose set-aside and core services already take all of it (early home) effective free
     * stays 0 whatever the estimate does, and an exit there is not a failure to reclaim.
     */
    public void observeHostAfterPoll(HostLedgerView line) {
        long available = line.maxRam().hundredths() - line.setAside().hundredths() - line.registered().hundredths()
                - line.reserved().hundredths() - line.margin().hundredths() - line.overGrant().hundredths();
        network.host(line.host()).forEach(h -> reclaim.observe(h.index(), available));
    }

    /** One scan's wall time and the number of processes it classified. */
    public void recordScan(long nanos, int processes) {
        if (processes > 0) {
            scanNsPerProcess.add(nanos / processes);
        }
    }

    /**
     * What one bitalloc instance's selector counted; called once per instance (at a restart and at the end),
     * so counts survive bitalloc's restarts.
     */
    public void addSelectorCounters(SelectorCounters counters) {
        launched += counters.launched();
        confirmed += counters.confirmed();
        failed += counters.failed();
        timedOut += counters.timedOut();
        killed += counters.killed();
        recovered += counters.recovered();
        backoffMillis += counters.backOffTime().toMillis();
    }

    /** A target's first harvest; later calls for the same target are ignored. */
    public void harvestStarted(HostName target) {
        firstHarvestSeconds.putIfAbsent(target.value(), simulation.now() / 1000.0);
    }

    /** RAM still allocated to allocations with no live process, measured two polls after the end. */
    public void recordLeaked(Ram ram) {
        leaked = Option.some(ram);
    }

    // ---- ground truth from the world ---------------------------------------------------------------------------

    @Override
    public void hostRamChanged(SimHost host) {
        utilization.hostChanged(host, simulation.now());
    }

    @Override
    public void processStarted(SimProcess process) {
        maxConcurrentProcesses = Math.max(maxConcurrentProcesses, network.processCount());
        if (process.owner() == Owner.PLAYER) {
            playerStarts++;
        }
        if (process.foreignToBitalloc()) {
            reclaim.foreignStarted(process.host().index(), process.ramHundredths());
        }
    }

    @Override
    public void processEnded(SimProcess process, ExitCause cause) {
        if (process.foreignToBitalloc()) {
            reclaim.foreignExited(process.host().index(), process.ramHundredths());
        }
    }

    @Override
    public void startRefused(SimHost host, Owner owner, long neededHundredths, boolean bitallocHeldTheRam) {
        if (owner == Owner.BITALLOC) {
            clashesOurs++;
            return;
        }
        playerStarts++;
        playerRefusals++;
        if (bitallocHeldTheRam) {
            clashesPlayer++;
        }
    }

    @Override
    public void shareHeld(SimHost host, long ramHundredths) {
        playerStarts++;
        reclaim.foreignStarted(host.index(), ramHundredths);
    }

    @Override
    public void gameReloaded() {
        gameReloads++;
        reclaim.gameReloaded();
    }

    @Override
    public void moneyEarned(HostName target, double amount) {
        money += amount;
    }

    @Override
    public void taskScriptStarted(ScriptRole role) {
        taskScriptsStarted++;
    }

    @Override
    public void allocationRefused(AllocationRequest request, AllocationRefusal refusal) {
        allocationsRefused++;
    }

    @Override
    public void taskCrashed(TaskScript task) {
        taskCrashes++;
    }

    @Override
    public void taskHung(TaskScript task) {
        taskHangs++;
    }

    @Override
    public void execAverted() {
        clashesAverted++;
    }

    @Override
    public void helperLostTag() {
        helperTagsLost++;
    }

    @Override
    public void badArguments(String script) {
        badArguments++;
    }

    public void bitallocRestarted() {
        bitallocRestarts++;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public long clashesOurs() {
        return clashesOurs;
    }

    public long clashesPlayer() {
        return clashesPlayer;
    }

    public long clashesAverted() {
        return clashesAverted;
    }

    public double money() {
        return money;
    }

    public UtilizationMeter utilization() {
        return utilization;
    }

    public ReclaimTracker reclaim() {
        return reclaim;
    }

    /** The report as of now. Pending reclaims are closed, so call it once, at the end. */
    public SimReport report(String scenario, long seed, String traceHash) {
        reclaim.close();
        long now = simulation.now();
        return new SimReport(scenario, seed, now / 1000.0, new SimReport.Clashes(clashesOurs, clashesPlayer, clashesAverted),
                utilization.value(now), SimReport.Percentiles.of(reclaim.polls()), leaked,
                new SimReport.Tasks(launched, confirmed, failed, timedOut, killed, recovered), backoffMillis / 1000.0,
                firstHarvestSeconds, money, SimReport.Percentiles.of(scanNsPerProcess),
                new SimReport.World(simulation.eventsFired(), network.processCount(), taskScriptsStarted,
                        allocationsRefused, playerStarts, playerRefusals, taskCrashes, taskHangs, helperTagsLost,
                        badArguments, gameReloads, bitallocRestarts, maxConcurrentProcesses),
                traceHash);
    }
}

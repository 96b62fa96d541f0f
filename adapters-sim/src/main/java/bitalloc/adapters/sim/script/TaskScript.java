package bitalloc.adapters.sim.script;

import bitalloc.domain.selection.Lifecycle;
import bitalloc.adapters.sim.game.HelperEffects;
import bitalloc.domain.game.HackingFormulas;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.ArrayList;
import java.util.EnumSet;

/**
 * A till, sow or harvest task script, one per target, with the selector's named arguments
 * ({@link TaskArguments}; the {@code --allocId} tag is ignored):
 * <ul>
 *   <li>{@code till.js --target=<t> --weakenThreads=<n>}: one wave of weaken helpers;</li>
 *   <li>{@code sow.js --target=<t> --growThreads=<n>}: one wave of grow helpers plus the weaken threads that
 *       cancel their security;</li>
 *   <li>{@code harvest.js --target=<t> --hackFraction=<f> [--batches=<n>]}: {@code batches × harvestRounds}
 *       hack/grow/weaken batches, started a weaken time / batches apart.</li>
 * </ul>
 * It heartbeats every interval (plus jitter) from its first line, asks bitalloc for its helpers' RAM, execs the
 * helpers on the granted hosts tagged with the allocation id, claims them, releases what it no longer needs and
 * reports when it is finished. A crash stops it dead; a hang leaves it running but silent and idle.
 */
public final class TaskScript implements ProcessBehaviour {

    private static final HostName UNKNOWN_TARGET = HostName.of("?");

    private final ScriptRuntime runtime;
    private final ScriptSpec spec;
    private final Lifecycle lifecycle;
    private final List<String> args;
    private final java.util.List<AllocationId> held = new ArrayList<>();
    private SimProcess process;
    private HostName targetName = UNKNOWN_TARGET;
    private SimTarget target;
    private boolean hung;

    TaskScript(ScriptRuntime runtime, ScriptSpec spec, Lifecycle lifecycle, List<String> args) {
        this.runtime = runtime;
        this.spec = spec;
        this.lifecycle = lifecycle;
        this.args = args;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public SimProcess process() {
        return process;
    }

    public boolean hung() {
        return hung;
    }

    @Override
    public void onStart(SimProcess started) {
        this.process = started;
        runtime.observer().taskScriptStarted(spec.role());
        runtime.faults().planTask(this);
        runtime.simulation().after(runtime.profile().startDelay().toMillis(), this::begin);
    }

    /** Fault: the script throws. Nothing reaches bitalloc; its helpers run on. */
    public void crash() {
        if (process.alive()) {
            runtime.observer().taskCrashed(this);
            runtime.network().end(process, ExitCause.CRASHED);
        }
    }

    /** Fault: the script hangs. It keeps its RAM and pid but neither heartbeats nor acts any more. */
    public void hang() {
        if (acting()) {
            hung = true;
            runtime.observer().taskHung(this);
        }
    }

    private boolean acting() {
        return process.alive() && !hung;
    }

    private void begin() {
        if (!acting()) {
            return;
        }
        TaskArguments arguments = TaskArguments.parse(args);
        Option<HostName> named = arguments.text("target").map(HostName::of);
        named.forEach(name -> targetName = name);
        target = named.flatMap(name -> runtime.network().target(name)).getOrNull();
        heartbeat();
        Option<Runnable> work = target == null ? Option.none() : parseWork(arguments);
        if (work.isEmpty()) {
            runtime.observer().badArguments(spec.name());
            finish(TaskFinished.Outcome.BAD_ARGUMENTS);
            return;
        }
        scheduleHeartbeat();
        work.get().run();
    }

    private Option<Runnable> parseWork(TaskArguments arguments) {
        switch (lifecycle) {
            case TILL:
                return arguments.positiveLong("weakenThreads").map(threads -> () -> till(threads));
            case SOW:
                return arguments.positiveLong("growThreads").map(threads -> () -> sow(threads));
            default:
                Option<Double> fraction = arguments.fraction("hackFraction");
                Option<Long> batches = arguments.text("batches").isEmpty()
                        ? Option.some(1L) : arguments.positiveLong("batches");
                if (fraction.isEmpty() || batches.isEmpty()) {
                    return Option.none();
                }
                return Option.some(() -> new Harvest(fraction.get(), batches.get()).start());
        }
    }

    private void heartbeat() {
        runtime.link().heartbeat(new Heartbeat(process.host().name(), process.pid(), spec.name(), targetName,
                lifecycle));
    }

    private void scheduleHeartbeat() {
        long interval = runtime.profile().heartbeatInterval().toMillis();
        long jitter = runtime.jitterMillis(runtime.profile().heartbeatJitter().toMillis());
        runtime.simulation().after(interval + jitter, () -> {
            if (acting()) {
                heartbeat();
                scheduleHeartbeat();
            }
        });
    }

    private void till(long weakenThreads) {
        ScriptSpec weaken = runtime.catalog().get(ScriptCatalog.WEAKEN);
        runWave(weaken.ramPerThread(), java.util.List.of(new HelperOrder(weaken, weakenThreads)));
    }

    private void sow(long growThreads) {
        HackingFormulas formulas = runtime.effects().formulas();
        long weakenThreads = formulas.weakenThreadsFor(formulas.growSecurityIncrease(growThreads), 1);
        ScriptSpec grow = runtime.catalog().get(ScriptCatalog.GROW);
        ScriptSpec weaken = runtime.catalog().get(ScriptCatalog.WEAKEN);
        runWave(grow.ramPerThread(), java.util.List.of(new HelperOrder(grow, growThreads),
                new HelperOrder(weaken, weakenThreads)));
    }

    /** One shrinkable wave, then finish: DONE when its helpers have ended, NO_RAM when none could start. */
    private void runWave(Ram chunk, java.util.List<HelperOrder> orders) {
        Option<AllocationGrant> grant = allocate(chunk, total(orders), true);
        afterLatency(() -> {
            if (grant.isEmpty()) {
                finish(TaskFinished.Outcome.NO_RAM);
                return;
            }
            Wave wave = execHelpers(grant.get(), orders, () -> finish(TaskFinished.Outcome.DONE));
            if (wave.started() == 0) {
                finish(TaskFinished.Outcome.NO_RAM);
            }
        });
    }

    private Option<AllocationGrant> allocate(Ram chunk, long chunks, boolean shrinkable) {
        EnumSet<AllocationFlag> flags = shrinkable ? EnumSet.of(AllocationFlag.SHRINKABLE)
                : EnumSet.noneOf(AllocationFlag.class);
        AllocationRequest request = new AllocationRequest(process.host().name(), process.pid(), spec.name(), chunk,
                chunks, flags);
        Either<AllocationRefusal, AllocationGrant> answer = runtime.link().allocate(request);
        if (answer.isLeft()) {
            runtime.observer().allocationRefused(request, answer.getLeft());
            return Option.none();
        }
        held.add(answer.get().id());
        return Option.some(answer.get());
    }

    private void afterLatency(Runnable step) {
        runtime.simulation().after(runtime.profile().linkLatency().toMillis(), () -> {
            if (acting()) {
                step.run();
            }
        });
    }

    /**
     * Execs the ordered helpers over the grant's parts, scaled down in proportion if the grant is smaller than
     * asked. Chunks that end up unused, or whose exec the game refuses, are given back at once.
     */
    private Wave execHelpers(AllocationGrant grant, java.util.List<HelperOrder> orders, Runnable whenDone) {
        long[] threads = scale(orders, grant.chunks());
        Wave wave = new Wave(grant.id(), grant.tag(), whenDone);
        int order = 0;
        for (GrantedChunks part : grant.parts()) {
            long free = part.chunks();
            while (free > 0 && order < orders.size()) {
                if (threads[order] == 0) {
                    order++;
                    continue;
                }
                long n = Math.min(free, threads[order]);
                launchHelper(wave, part, orders.get(order).helper(), n);
                free -= n;
                threads[order] -= n;
            }
            if (free > 0) {
                runtime.link().releaseChunks(grant.id(), part.host(), part.chunkSize(), free);
            }
        }
        wave.seal();
        return wave;
    }

    private void launchHelper(Wave wave, GrantedChunks part, ScriptSpec helper, long threads) {
        if (!fitsNow(part.host(), helper.ramPerThread().times(threads))) {
            // ns.getServerMaxRam − ns.getServerUsedRam, read in the same tick as the exec: foreign RAM started
            // since bitalloc's last poll took the grant's room, so the chunks go back instead of a refused exec.
            runtime.observer().execAverted();
            runtime.link().releaseChunks(wave.id, part.host(), part.chunkSize(), threads);
            return;
        }
        boolean losesTag = runtime.faults().helperLosesTag();
        if (losesTag) {
            runtime.observer().helperLostTag();
        }
        List<String> helperArgs = List.of(targetName.value())
                .appendAll(losesTag ? List.empty() : List.of(wave.tag));
        wave.running++;
        Either<LaunchFailure, SimProcess> started = runtime.execOurs(part.host(), helper, (int) threads, helperArgs,
                losesTag, new HelperScript(runtime, helper, helperArgs, wave));
        if (started.isRight()) {
            wave.started++;
            runtime.link().claim(wave.id, part.host(), started.get().pid(), threads);
        } else {
            wave.running--;
            runtime.link().releaseChunks(wave.id, part.host(), part.chunkSize(), threads);
        }
    }

    private boolean fitsNow(HostName host, Ram needed) {
        return runtime.network().host(host).exists(h -> h.freeRamHundredths() >= needed.hundredths());
    }

    private static long total(java.util.List<HelperOrder> orders) {
        long sum = 0;
        for (HelperOrder order : orders) {
            sum += order.threads();
        }
        return sum;
    }

    /** Threads per order fitting {@code granted} chunks, in proportion, each order keeping at least one if it can. */
    private static long[] scale(java.util.List<HelperOrder> orders, long granted) {
        long wanted = total(orders);
        long[] threads = new long[orders.size()];
        if (granted >= wanted) {
            for (int i = 0; i < threads.length; i++) {
                threads[i] = orders.get(i).threads();
            }
            return threads;
        }
        long left = granted;
        for (int i = 0; i < threads.length && left > 0; i++) {
            long share = Math.max(1, orders.get(i).threads() * granted / wanted);
            threads[i] = Math.min(share, left);
            left -= threads[i];
        }
        return threads;
    }

    private void releaseAllocation(AllocationId id) {
        if (held.remove(id)) {
            runtime.link().release(id);
        }
    }

    private void finish(TaskFinished.Outcome outcome) {
        if (!acting()) {
            return;
        }
        for (AllocationId id : new ArrayList<>(held)) {
            releaseAllocation(id);
        }
        runtime.link().taskFinished(new TaskFinished(process.host().name(), process.pid(), spec.name(), targetName,
                lifecycle, outcome));
        runtime.network().end(process, ExitCause.FINISHED);
    }

    /** Helpers started from one allocation; when the last one ends the allocation is released. */
    final class Wave {
        private final AllocationId id;
        private final String tag;
        private final Runnable whenDone;
        private int running;
        private int started;
        private boolean sealed;

        Wave(AllocationId id, String tag, Runnable whenDone) {
            this.id = id;
            this.tag = tag;
            this.whenDone = whenDone;
        }

        int started() {
            return started;
        }

        void seal() {
            sealed = true;
            if (running == 0) {
                done();
            }
        }

        void helperEnded() {
            running--;
            if (sealed && running == 0) {
                done();
            }
        }

        private void done() {
            if (!acting()) {
                return;
            }
            releaseAllocation(id);
            if (started > 0) {
                whenDone.run();
            }
        }
    }

    /** Pipelined hack/grow/weaken batches against one target. */
    private final class Harvest {
        private final double fraction;
        private final long batchesInFlight;
        private final long batches;
        private long resolved;
        private boolean anyStarted;

        Harvest(double fraction, long batchesInFlight) {
            this.fraction = fraction;
            this.batchesInFlight = batchesInFlight;
            this.batches = batchesInFlight * runtime.profile().harvestRounds();
        }

        void start() {
            long spacing = Math.max(1,
                    ScriptRuntime.millis(runtime.effects().weakenTime(target, runtime.hackingLevel())) / batchesInFlight);
            for (long i = 0; i < batches; i++) {
                long index = i;
                runtime.simulation().after(i * spacing, () -> {
                    if (acting()) {
                        launchBatch(index);
                    }
                });
            }
        }

        private void launchBatch(long index) {
            HackingFormulas formulas = runtime.effects().formulas();
            TargetServer server = HelperEffects.view(target);
            Player player = HelperEffects.player(runtime.hackingLevel());
            double perThread = formulas.hackFractionPerThread(server, player);
            long hackThreads = perThread > 0 ? Math.max(1, (long) Math.floor(fraction / perThread)) : 1;
            double taken = Math.min(0.99, hackThreads * perThread);
            long growThreads = Math.max(1, formulas.growThreads(server, player,
                    server.maxMoney().times(1 - taken), server.maxMoney(), 1));
            long weakenThreads = formulas.weakenThreadsFor(
                    formulas.hackSecurityIncrease(hackThreads) + formulas.growSecurityIncrease(growThreads), 1);
            ScriptSpec hack = runtime.catalog().get(ScriptCatalog.HACK);
            ScriptSpec grow = runtime.catalog().get(ScriptCatalog.GROW);
            ScriptSpec weaken = runtime.catalog().get(ScriptCatalog.WEAKEN);
            Option<AllocationGrant> hackGrant = allocate(hack.ramPerThread(), hackThreads, false);
            Option<AllocationGrant> growGrant = hackGrant.isEmpty() ? Option.none()
                    : allocate(grow.ramPerThread(), growThreads + weakenThreads, false);
            if (growGrant.isEmpty()) {
                hackGrant.forEach(g -> releaseAllocation(g.id()));
                if (index == 0 && !anyStarted) {
                    afterLatency(() -> finish(TaskFinished.Outcome.NO_RAM));
                } else {
                    resolveOne();
                }
                return;
            }
            afterLatency(() -> {
                int[] open = {2};
                Runnable waveDone = () -> {
                    if (--open[0] == 0) {
                        resolveOne();
                    }
                };
                Wave hackWave = execHelpers(hackGrant.get(),
                        java.util.List.of(new HelperOrder(hack, hackThreads)), waveDone);
                Wave growWave = execHelpers(growGrant.get(), java.util.List.of(new HelperOrder(grow, growThreads),
                        new HelperOrder(weaken, weakenThreads)), waveDone);
                anyStarted |= hackWave.started() + growWave.started() > 0;
                if (hackWave.started() == 0) {
                    waveDone.run();
                }
                if (growWave.started() == 0) {
                    waveDone.run();
                }
            });
        }

        private void resolveOne() {
            resolved++;
            if (resolved == batches) {
                finish(TaskFinished.Outcome.DONE);
            }
        }
    }
}

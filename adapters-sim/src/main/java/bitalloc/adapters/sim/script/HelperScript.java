package bitalloc.adapters.sim.script;

import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.network.SimTarget;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * A hack, grow or weaken worker: args {@code <target> [--allocId=<id>]}. Its duration is fixed from the target's
 * state when it starts; its effect uses the state when it finishes. On the way out (finished or killed) it gives
 * its chunks back, if it still knows its allocation, and tells its task script.
 */
final class HelperScript implements ProcessBehaviour {

    private final ScriptRuntime runtime;
    private final ScriptSpec spec;
    private final List<String> args;
    private final TaskScript.Wave wave;

    HelperScript(ScriptRuntime runtime, ScriptSpec spec, List<String> args, TaskScript.Wave wave) {
        this.runtime = runtime;
        this.spec = spec;
        this.args = args;
        this.wave = wave;
    }

    @Override
    public void onStart(SimProcess process) {
        List<String> plain = AllocTags.withoutTag(args);
        Option<SimTarget> target = plain.headOption()
                .flatMap(name -> runtime.network().target(HostName.of(name)));
        if (target.isEmpty()) {
            runtime.observer().badArguments(spec.name());
            runtime.simulation().after(runtime.profile().startDelay().toMillis(),
                    () -> runtime.network().end(process, ExitCause.CRASHED));
            return;
        }
        SimTarget victim = target.get();
        int level = runtime.hackingLevel();
        Duration time;
        switch (spec.role()) {
            case HACK_HELPER:
                time = runtime.effects().hackTime(victim, level);
                break;
            case GROW_HELPER:
                time = runtime.effects().growTime(victim, level);
                break;
            default:
                time = runtime.effects().weakenTime(victim, level);
                break;
        }
        long duration = runtime.profile().startDelay().toMillis() + ScriptRuntime.millis(time);
        runtime.simulation().after(duration, () -> finish(process, victim));
    }

    private void finish(SimProcess process, SimTarget victim) {
        if (!process.alive()) {
            return;
        }
        int threads = process.threads();
        int cores = process.host().cores();
        switch (spec.role()) {
            case HACK_HELPER:
                double money = runtime.effects().hack(victim, threads, runtime.hackingLevel());
                if (money > 0) {
                    runtime.observer().moneyEarned(victim.name(), money);
                }
                break;
            case GROW_HELPER:
                runtime.effects().grow(victim, threads, cores, runtime.hackingLevel());
                break;
            default:
                runtime.effects().weaken(victim, threads, cores);
                break;
        }
        runtime.simulation().trace().add(7, runtime.simulation().now(), process.pid().value(),
                Double.doubleToLongBits(victim.security()), Double.doubleToLongBits(victim.money()));
        runtime.network().end(process, ExitCause.FINISHED);
    }

    @Override
    public void onEnd(SimProcess process, ExitCause cause) {
        if (cause != ExitCause.FINISHED && cause != ExitCause.KILLED) {
            if (wave != null && cause == ExitCause.CRASHED) {
                wave.helperEnded();
            }
            return;
        }
        Option<AllocationId> tag = AllocTags.find(args);
        if (tag.isDefined() && runtime.linked()) {
            // The chunks are claimed by this pid: the claim must end before they can be given back.
            runtime.link().releaseClaim(tag.get(), process.pid());
            runtime.link().releaseChunks(tag.get(), process.host().name(), spec.ramPerThread(), process.threads());
        }
        if (wave != null) {
            wave.helperEnded();
        }
    }
}

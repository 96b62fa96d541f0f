package bitalloc.adapters.sim;

import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.adapters.sim.script.ScriptRuntime;
import bitalloc.adapters.sim.script.ScriptSpec;
import bitalloc.application.port.out.Launcher;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The launcher port over the simulated network: bitalloc starting one of its scripts (a refusal for RAM is a
 * {@code clashes.ours}) and killing a pid. The script's behaviour follows from its name.
 */
final class SimLauncher implements Launcher {

    private final GameNetwork network;
    private final ScriptCatalog catalog;
    private final ScriptRuntime runtime;

    SimLauncher(GameNetwork network, ScriptCatalog catalog, ScriptRuntime runtime) {
        this.network = network;
        this.catalog = catalog;
        this.runtime = runtime;
    }

    @Override
    public Either<LaunchFailure, Pid> launch(HostName host, String script, int threads, List<String> args) {
        Option<ScriptSpec> spec = catalog.find(script);
        if (spec.isEmpty()) {
            return Either.left(LaunchFailure.SCRIPT_MISSING);
        }
        // The agent reads the host's free RAM and execs in one synchronous block, which no other script can
        // interleave (BITBURNER.md §8), so RAM a foreign process took since the last scan is seen, not clashed into.
        long needed = spec.get().ramPerThread().times(threads).hundredths();
        if (network.host(host).exists(h -> h.freeRamHundredths() < needed)) {
            runtime.observer().execAverted();
            return Either.left(LaunchFailure.NOT_ENOUGH_RAM);
        }
        return network.exec(host, script, threads, spec.get().ramPerThread(), args, Owner.BITALLOC, false,
                runtime.behaviourFor(spec.get(), args)).map(SimProcess::pid);
    }

    @Override
    public boolean kill(Pid pid) {
        return network.kill(pid);
    }

    /** The simulated game frees a killed process's RAM before kill returns, as ns.kill does. */
    @Override
    public boolean killsAtOnce() {
        return true;
    }
}

package bitalloc.adapters.sim.script;

import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.domain.ram.Ram;

/**
 * A core service (the in-game agent, discovery): started by the player before bitalloc can allocate anything,
 * it runs for good and registers its RAM once bitalloc answers, and again after every bitalloc restart.
 */
final class CoreService implements ProcessBehaviour {

    private final ScriptRuntime runtime;
    private final ScriptSpec spec;
    private SimProcess process;

    CoreService(ScriptRuntime runtime, ScriptSpec spec) {
        this.runtime = runtime;
        this.spec = spec;
    }

    @Override
    public void onStart(SimProcess started) {
        this.process = started;
        runtime.coreServiceStarted(this);
        scheduleRegistration();
    }

    void scheduleRegistration() {
        runtime.simulation().after(runtime.profile().coreRegisterDelay().toMillis(), () -> {
            if (process.alive() && runtime.linked()) {
                runtime.link().register(new Registration(process.host().name(), process.pid(), spec.name(),
                        Ram.ofHundredths(process.ramHundredths())));
            }
        });
    }

    @Override
    public void onEnd(SimProcess ended, ExitCause cause) {
        runtime.coreServiceEnded(this);
        if (cause == ExitCause.KILLED && runtime.linked()) {
            runtime.link().unregister(ended.host().name(), ended.pid());
        }
    }
}

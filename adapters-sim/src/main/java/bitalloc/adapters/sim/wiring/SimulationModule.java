package bitalloc.adapters.sim.wiring;

import bitalloc.adapters.sim.SimWorld;
import bitalloc.application.port.out.AllocationIds;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.application.port.out.Scheduler;
import bitalloc.adapters.sim.script.BitallocLink;
import com.google.inject.AbstractModule;

/**
 * The simulated game behind the application's outgoing ports: its virtual clock, process tables, launcher,
 * game state and seeded allocation ids. The scheduler is given by the caller, so a restarted bitalloc can
 * retire the loops of the instance it replaces.
 */
public final class SimulationModule extends AbstractModule {

    private final SimWorld world;
    private final Scheduler scheduler;

    public SimulationModule(SimWorld world, Scheduler scheduler) {
        this.world = world;
        this.scheduler = scheduler;
    }

    @Override
    protected void configure() {
        bind(SimWorld.class).toInstance(world);
        bind(Clock.class).toInstance(world.clock());
        bind(ProcessTable.class).toInstance(world.processTable());
        bind(Launcher.class).toInstance(world.launcher());
        bind(GameState.class).toInstance(world.gameState());
        bind(AllocationIds.class).toInstance(world::nextAllocationId);
        bind(Scheduler.class).toInstance(scheduler);
        bind(BitallocLink.class).to(UseCaseLink.class);
        bind(UseCaseLink.class);
    }
}

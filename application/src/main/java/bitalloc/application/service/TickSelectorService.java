package bitalloc.application.service;

import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.selection.SelectorEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The selector loop's turn: the free RAM per host (fillers' RAM counted as free: a task may take it), with the
 * RAM each task already holds; then whatever no task can use is lent to fillers.
 */
@Singleton
public final class TickSelectorService implements TickSelector {

    private final Engine engine;
    private final Clock clock;
    private final CommandRunner commands;
    private final TaskHosts taskHosts;
    private final SpareRamFiller filler;

    @Inject
    public TickSelectorService(Engine engine, Clock clock, CommandRunner commands, TaskHosts taskHosts,
                               SpareRamFiller filler) {
        this.filler = filler;
        this.taskHosts = taskHosts;
        this.engine = engine;
        this.clock = clock;
        this.commands = commands;
    }

    @Override
    public void tick() {
        engine.locked(() -> engine.feed(SelectorEvent.Tick.readWhenNeeded(filler::freeForTasks,
                () -> TaskRamInUse.of(engine, taskHosts)), clock.now()));
        commands.runQueued();
        filler.fill();
    }
}

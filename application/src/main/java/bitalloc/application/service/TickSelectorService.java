package bitalloc.application.service;

import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorEvent;
import bitalloc.domain.selection.Target;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The selector loop's turn: the allocator's free RAM per host, with the RAM each task already holds through its
 * own script allocation and its helpers' allocations (so the selector stops counting that part of the task's
 * promise twice, T7).
 */
@Singleton
public final class TickSelectorService implements TickSelector {

    private final Engine engine;
    private final Clock clock;
    private final CommandRunner commands;
    private final TaskHosts taskHosts;

    @Inject
    public TickSelectorService(Engine engine, Clock clock, CommandRunner commands, TaskHosts taskHosts) {
        this.taskHosts = taskHosts;
        this.engine = engine;
        this.clock = clock;
        this.commands = commands;
    }

    @Override
    public void tick() {
        engine.locked(() -> {
            Set<Pid> taskPids = HashSet.ofAll(engine.selector().targets().values()
                    .flatMap(target -> target.task().pid()));
            Map<Pid, Ram> inUse = HashMap.empty();
            for (Allocation allocation : engine.allocator().allocations()) {
                Pid requester = allocation.request().requester().pid();
                if (taskPids.contains(requester)) {
                    inUse = inUse.put(requester, allocation.ram(), Ram::plus);
                }
            }
            for (Target target : engine.selector().targets().values()) {
                for (Pid pid : target.task().pid()) {
                    for (Allocation own : taskHosts.allocationOf(target.name()).flatMap(engine.allocator()::allocation)) {
                        inUse = inUse.put(pid, own.ram(), Ram::plus);
                    }
                }
            }
            engine.feed(new SelectorEvent.Tick(engine.allocator().effectiveFreeByHost(), inUse), clock.now());
        });
        commands.runQueued();
    }
}

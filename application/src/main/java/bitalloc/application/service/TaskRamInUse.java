package bitalloc.application.service;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Target;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;

/**
 * The RAM each live task already holds, through its own script allocation and its helpers' allocations: the
 * part of its promise the allocator's free picture already shows (so it is not counted twice, T7).
 */
final class TaskRamInUse {

    private TaskRamInUse() {
    }

    /** Call inside the engine lock. */
    static Map<Pid, Ram> of(Engine engine, TaskHosts taskHosts) {
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
        return inUse;
    }
}

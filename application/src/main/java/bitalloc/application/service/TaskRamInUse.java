package bitalloc.application.service;

import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.Target;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.util.Iterator;

/**
 * The RAM each live task already holds, through its own script allocation and its helpers' allocations: the
 * part of its promise the allocator's free picture already shows (so it is not counted twice, T7).
 */
final class TaskRamInUse {

    private TaskRamInUse() {
    }

    /** Call inside the engine lock. Runs on every tick, so it reads granted RAM without snapshots. */
    static Map<Pid, Ram> of(Engine engine, TaskHosts taskHosts) {
        java.util.Map<Pid, Ram> helpers = engine.allocator().grantedByRequester();
        Map<Pid, Ram> inUse = HashMap.empty();
        for (Iterator<Target> targets = engine.selector().targets().valuesIterator(); targets.hasNext(); ) {
            Target target = targets.next();
            for (Pid pid : target.task().pid()) {
                Ram own = taskHosts.allocationOf(target.name()).map(engine.allocator()::granted).getOrElse(Ram.ZERO);
                inUse = inUse.put(pid, helpers.getOrDefault(pid, Ram.ZERO).plus(own), Ram::plus);
            }
        }
        return inUse;
    }
}

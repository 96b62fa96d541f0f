package bitalloc.application.service;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each task script runs and which allocation holds its own RAM. The selector's states do not carry the
 * host, but recovery needs it and the task's RAM must be released the moment the task is gone.
 * Touched only inside {@link Engine#locked}.
 */
@Singleton
public final class TaskHosts {

    private final Map<HostName, AllocationId> allocationByTarget = new HashMap<>();
    private final Map<Pid, HostName> hostByPid = new HashMap<>();

    @Inject
    public TaskHosts() {
        // nothing to wire: the maps start empty
    }

    void launchAllocated(HostName target, AllocationId allocation) {
        allocationByTarget.put(target, allocation);
    }

    Option<AllocationId> allocationOf(HostName target) {
        return Option.of(allocationByTarget.get(target));
    }

    /** The targets whose task script holds an allocation of its own, copied so the caller may end tasks. */
    List<HostName> targetsWithTaskRam() {
        return new ArrayList<>(allocationByTarget.keySet());
    }

    /** Forgets the target's task allocation and returns it, so the caller can release it. */
    Option<AllocationId> endTask(HostName target) {
        return Option.of(allocationByTarget.remove(target));
    }

    void runsOn(Pid pid, HostName host) {
        hostByPid.put(pid, host);
    }

    Option<HostName> hostOf(Pid pid) {
        return Option.of(hostByPid.get(pid));
    }

    void forget(Pid pid) {
        hostByPid.remove(pid);
    }

    /** A game reload ends every pid. */
    void forgetAllPids() {
        hostByPid.clear();
    }
}

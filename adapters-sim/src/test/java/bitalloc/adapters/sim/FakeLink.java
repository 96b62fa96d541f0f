package bitalloc.adapters.sim;

import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.script.AllocationFlag;
import bitalloc.adapters.sim.script.AllocationGrant;
import bitalloc.adapters.sim.script.AllocationRefusal;
import bitalloc.adapters.sim.script.AllocationRequest;
import bitalloc.adapters.sim.script.BitallocLink;
import bitalloc.adapters.sim.script.GrantedChunks;
import bitalloc.adapters.sim.script.Heartbeat;
import bitalloc.adapters.sim.script.Registration;
import bitalloc.adapters.sim.script.TaskFinished;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for bitalloc: grants from the game's free RAM, holding each grant for a second so that the exec
 * that follows it still finds the RAM; records every call. Ids are sequential, so runs stay deterministic.
 */
final class FakeLink implements BitallocLink {

    private static final long HOLD_MILLIS = 1000;

    private final SimWorld world;
    private final Map<HostName, java.util.List<long[]>> holds = new HashMap<>();
    final java.util.List<AllocationRequest> requests = new ArrayList<>();
    final java.util.List<Heartbeat> heartbeats = new ArrayList<>();
    final java.util.List<Long> heartbeatMillis = new ArrayList<>();
    final java.util.List<TaskFinished> finished = new ArrayList<>();
    final java.util.List<Registration> registrations = new ArrayList<>();
    final java.util.List<String> releases = new ArrayList<>();
    final Map<Pid, Long> claims = new HashMap<>();
    private long nextId = 1;

    FakeLink(SimWorld world) {
        this.world = world;
    }

    @Override
    public Either<AllocationRefusal, AllocationGrant> allocate(AllocationRequest request) {
        requests.add(request);
        long now = nowMillis();
        List<GrantedChunks> parts = List.empty();
        long remaining = request.chunks();
        long chunk = request.chunkSize().hundredths();
        for (SimHost host : world.network().usableHosts()) {
            if (remaining == 0) {
                break;
            }
            long free = host.freeRamHundredths() - held(host.name(), now);
            long fit = Math.min(remaining, Math.max(0, free) / chunk);
            if (fit > 0) {
                parts = parts.append(new GrantedChunks(host.name(), request.chunkSize(), fit));
                holds.computeIfAbsent(host.name(), h -> new ArrayList<>()).add(new long[] {now + HOLD_MILLIS,
                        fit * chunk});
                remaining -= fit;
            }
        }
        if (parts.isEmpty() || (remaining > 0 && !request.has(AllocationFlag.SHRINKABLE))) {
            if (!parts.isEmpty()) {
                for (GrantedChunks part : parts) {
                    java.util.List<long[]> list = holds.get(part.host());
                    list.remove(list.size() - 1);
                }
            }
            return Either.left(new AllocationRefusal(AllocationRefusal.Reason.NOT_ENOUGH_FREE, Ram.ZERO));
        }
        AllocationId id = new AllocationId(new UUID(0xb17a110cL, nextId++));
        return Either.right(new AllocationGrant(id, "--allocId=" + id, parts));
    }

    /** Free RAM on a host less what recent grants still hold for their execs. */
    long free(SimHost host) {
        return host.freeRamHundredths() - held(host.name(), nowMillis());
    }

    private long held(HostName host, long now) {
        java.util.List<long[]> list = holds.get(host);
        if (list == null) {
            return 0;
        }
        list.removeIf(hold -> hold[0] <= now);
        long sum = 0;
        for (long[] hold : list) {
            sum += hold[1];
        }
        return sum;
    }

    private long nowMillis() {
        return java.time.Duration.between(world.scenario().start(), world.clock().now()).toMillis();
    }

    @Override
    public void claim(AllocationId allocation, HostName host, Pid pid, long chunks) {
        claims.put(pid, chunks);
    }

    @Override
    public void releaseClaim(AllocationId allocation, Pid pid) {
        releases.add("claim " + allocation + " " + pid);
    }

    @Override
    public void releaseChunks(AllocationId allocation, HostName host, Ram chunkSize, long chunks) {
        releases.add("chunks " + allocation + " " + host + " " + chunks);
    }

    @Override
    public void release(AllocationId allocation) {
        releases.add("all " + allocation);
    }

    @Override
    public void register(Registration registration) {
        registrations.add(registration);
    }

    @Override
    public void unregister(HostName host, Pid pid) {
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        heartbeats.add(heartbeat);
        heartbeatMillis.add(nowMillis());
    }

    @Override
    public void taskFinished(TaskFinished taskFinished) {
        finished.add(taskFinished);
    }
}

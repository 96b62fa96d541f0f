package bitalloc.adapters.persistence;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredAllocation.RequestFlag;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sample state records; microsecond times, since that is what both databases keep. */
final class Samples {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final GameSession SESSION = new GameSession(7);

    private Samples() {
    }

    static HostName host(String name) {
        return HostName.of(name);
    }

    static StoredHost storedHost(String name, long maxGb) {
        return new StoredHost(host(name), HostKind.PURCHASED, 2, Ram.ofGb(maxGb), Ram.ZERO, Ram.parse("3.45"),
                Ram.parse("1.6"), Ram.parse("1.75"), Ram.ofGb(8), Option.some(T0));
    }

    static StoredRegistration registration(long pid) {
        return new StoredRegistration(SESSION, Pid.of(pid), host("home"), "agent.js", Ram.parse("2.6"), T0,
                Option.none());
    }

    static AllocationId allocationId(int n) {
        return new AllocationId(new UUID(0x1234L * n, n));
    }

    static StoredAllocation allocation(int n) {
        return new StoredAllocation(allocationId(n), SESSION, "harvest:n00dles", "hack.js",
                HashSet.of(RequestFlag.SHRINKABLE, RequestFlag.LONG_RUNNING), T0.plusSeconds(n),
                List.of(new ChunkGrant(host("pserv-1"), Ram.parse("1.7"), 12),
                        new ChunkGrant(host("home"), Ram.parse("1.7"), 3),
                        new ChunkGrant(host("pserv-1"), Ram.parse("1.75"), 1)),
                List.of(new StoredClaim(SESSION, Pid.of(40 + n), host("pserv-1"), Ram.parse("1.7"), 8),
                        new StoredClaim(SESSION, Pid.of(41 + n), host("home"), Ram.parse("1.7"), 3)),
                Option.none());
    }

    static StoredTask task(String target) {
        return new StoredTask(host(target), TaskLifecycle.HARVEST, SESSION, Pid.of(99), host("home"),
                "harvest.js", T0, T0.plusMillis(2500));
    }

    static StoredPendingLaunch pendingLaunch(String target) {
        return new StoredPendingLaunch(host(target), TaskLifecycle.TILL, SESSION, Pid.of(100), host("pserv-2"),
                "till.js", T0, Ram.parse("14.4"));
    }

    static StoredBackoff backoff(int failures) {
        return new StoredBackoff(failures, Duration.ofMillis(250L << failures), T0.plusSeconds(failures));
    }
}

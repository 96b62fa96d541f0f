package bitalloc.boot;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What bitalloc acknowledged to the scripts (a 201, or a 200 saying {@code changed: true}): allocations granted,
 * claimed and released, registrations accepted and withdrawn. A change sent without an answer is uncertain (the
 * service may have committed it before it died) and is checked neither way; so is an allocation whose processes
 * all died, which the service may rightly reclaim. Thread-safe.
 */
final class AcknowledgedChanges {

    record ClaimKey(AllocationId allocation, Pid pid) {
    }

    private record Claimed(HostName host, int chunks) {
    }

    private record Registered(HostName host, Ram ram) {
    }

    private final Map<AllocationId, Set<ChunkGrant>> granted = new LinkedHashMap<>();
    private final Set<AllocationId> released = new HashSet<>();
    private final Set<AllocationId> uncertain = new HashSet<>();
    private final Map<ClaimKey, Claimed> claimed = new LinkedHashMap<>();
    private final Set<ClaimKey> claimsReleased = new HashSet<>();
    private final Set<ClaimKey> claimsUncertain = new HashSet<>();
    private final Map<Pid, Registered> registered = new LinkedHashMap<>();
    private final Set<Pid> unregistered = new HashSet<>();
    private final Set<Pid> registrationsUncertain = new HashSet<>();
    private final List<String> forgotten = new ArrayList<>();
    private int acknowledged;

    synchronized void granted(AllocationId id, List<ChunkGrant> grants) {
        granted.put(id, Set.copyOf(grants));
        acknowledged++;
    }

    /** Called before a release is sent: until its answer arrives, either outcome may be durable. */
    synchronized void releasing(AllocationId id) {
        uncertain.add(id);
    }

    synchronized void released(AllocationId id) {
        uncertain.remove(id);
        released.add(id);
        acknowledged++;
    }

    /** Every process of the allocation died unannounced: the service may reclaim it after its grace. */
    synchronized void mayBeReclaimed(AllocationId id) {
        uncertain.add(id);
    }

    synchronized void claimed(AllocationId id, Pid pid, HostName host, int chunks) {
        claimed.put(new ClaimKey(id, pid), new Claimed(host, chunks));
        acknowledged++;
    }

    synchronized void releasingClaim(AllocationId id, Pid pid) {
        claimsUncertain.add(new ClaimKey(id, pid));
    }

    synchronized void claimReleased(AllocationId id, Pid pid) {
        ClaimKey key = new ClaimKey(id, pid);
        claimsUncertain.remove(key);
        claimsReleased.add(key);
        acknowledged++;
    }

    synchronized void registered(Pid pid, HostName host, Ram ram) {
        registered.put(pid, new Registered(host, ram));
        acknowledged++;
    }

    synchronized void unregistering(Pid pid) {
        registrationsUncertain.add(pid);
    }

    synchronized void unregistered(Pid pid) {
        registrationsUncertain.remove(pid);
        unregistered.add(pid);
        acknowledged++;
    }

    /** The restarted service answered 404 for an allocation it had acknowledged and not given back. */
    synchronized void unknownAfterRestart(AllocationId id, String call) {
        if (granted.containsKey(id) && !released.contains(id) && !uncertain.contains(id)) {
            forgotten.add(call + " " + id + " answered unknown-allocation after the restart");
        }
    }

    synchronized List<String> forgotten() {
        return List.copyOf(forgotten);
    }

    synchronized int count() {
        return acknowledged;
    }

    /** Allocations acknowledged and not released (nor uncertain), RAM per host: what the ledger must at least hold. */
    synchronized Map<HostName, Ram> heldPerHost() {
        Map<HostName, Ram> held = new LinkedHashMap<>();
        granted.forEach((id, grants) -> {
            if (expectedLive(id)) {
                grants.forEach(grant -> held.merge(grant.host(), grant.ram(), Ram::plus));
            }
        });
        return held;
    }

    synchronized String summary() {
        return granted.size() + " allocations granted (" + released.size() + " released, " + uncertain.size()
                + " uncertain), " + claimed.size() + " claims (" + claimsReleased.size() + " released), "
                + registered.size() + " registrations (" + unregistered.size() + " withdrawn)";
    }

    /** Every acknowledged change the durable state does not reflect; empty when nothing was lost. */
    synchronized List<String> notReflectedIn(DurableState state) {
        Map<AllocationId, StoredAllocation> stored = state.allocations().toJavaMap(a -> Tuple.of(a.id(), a));
        List<String> problems = new ArrayList<>();
        granted.forEach((id, grants) -> {
            StoredAllocation found = stored.get(id);
            if (expectedLive(id)) {
                if (found == null) {
                    problems.add("allocation " + id + " " + grants + " was acknowledged and is not in the store");
                } else if (!Set.copyOf(found.grants().asJava()).equals(grants)) {
                    problems.add("allocation " + id + " was granted " + grants + ", the store holds " + found.grants());
                }
            } else if (released.contains(id) && !uncertain.contains(id) && found != null) {
                problems.add("allocation " + id + " was released (acknowledged) and is still in the store");
            }
        });
        claimed.forEach((key, claim) -> {
            if (!expectedLive(key.allocation()) || claimsUncertain.contains(key)) {
                return;
            }
            Optional<StoredClaim> found = Optional.ofNullable(stored.get(key.allocation()))
                    .flatMap(allocation -> allocation.claims().find(c -> c.pid().equals(key.pid())).toJavaOptional());
            if (claimsReleased.contains(key) && found.isPresent()) {
                problems.add("claim " + key + " was released (acknowledged) and is still in the store");
            } else if (!claimsReleased.contains(key) && found.filter(c -> c.host().equals(claim.host())
                    && c.chunks() == claim.chunks()).isEmpty()) {
                problems.add("claim " + key + " " + claim + " was acknowledged, the store holds " + found);
            }
        });
        Map<Pid, StoredRegistration> registrations = state.registrations()
                .toJavaMap(r -> Tuple.of(r.pid(), r));
        registered.forEach((pid, registration) -> {
            if (registrationsUncertain.contains(pid)) {
                return;
            }
            StoredRegistration found = registrations.get(pid);
            if (unregistered.contains(pid)) {
                if (found != null) {
                    problems.add("registration of pid " + pid + " was withdrawn (acknowledged) and is in the store");
                }
            } else if (found == null || !found.host().equals(registration.host())
                    || !found.ram().equals(registration.ram())) {
                problems.add("registration of pid " + pid + " " + registration + " was acknowledged, the store holds "
                        + found);
            }
        });
        return problems;
    }

    private boolean expectedLive(AllocationId id) {
        return granted.containsKey(id) && !released.contains(id) && !uncertain.contains(id);
    }
}

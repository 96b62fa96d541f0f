package bitalloc.domain.scan;

import bitalloc.domain.allocation.Claim;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import java.time.Instant;

/**
 * Everything one scan learnt and did (DESIGN A6).
 *
 * @param sessionChanged     the game was reloaded since the previous scan: pid-keyed records of the old session were
 *                           dropped
 * @param exited             processes gone since the previous scan
 * @param overGrant          allocations whose processes use more than their grant on some host
 * @param expired            allocations released because their processes were all gone past the grace period
 * @param droppedRegistrations registrations aged out or ended with their session
 * @param droppedClaims      claims whose pid exited, never appeared within the grace, or belongs to an old session
 * @param absentHosts        hosts the ledger knew that this scan did not list (nothing is placed on them)
 * @param hosts              every scanned host's result, in the order the scan listed them
 */
public record ScanReport(GameSession session, Instant at, boolean sessionChanged, List<ExitedProcess> exited,
                         List<OverGrantUsage> overGrant, List<ExpiredAllocation> expired,
                         List<DroppedRegistration> droppedRegistrations, List<Claim> droppedClaims,
                         List<HostName> absentHosts, List<HostScanResult> hosts) {

    public Map<HostName, Ram> foreignByHost() {
        return TreeMap.ofEntries(hosts.map(host -> io.vavr.Tuple.of(host.host(), host.foreign())));
    }

    public Map<HostName, Ram> effectiveFreeByHost() {
        return TreeMap.ofEntries(hosts.map(host -> io.vavr.Tuple.of(host.host(), host.effectiveFree())));
    }

    public int processCount() {
        return hosts.map(HostScanResult::processes).sum().intValue();
    }
}

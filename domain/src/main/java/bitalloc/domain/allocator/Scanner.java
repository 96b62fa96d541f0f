package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Claim;
import bitalloc.domain.host.HostAccount;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostPoll;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.DroppedRegistration;
import bitalloc.domain.scan.ExitedProcess;
import bitalloc.domain.scan.ExpiredAllocation;
import bitalloc.domain.scan.HostScanResult;
import bitalloc.domain.scan.OverGrantUsage;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll over every host (DESIGN A5, A6): classifies each process with constant-time lookups on what the
 * previous scans learnt about its pid, reports what changed, ages out what vanished and feeds the ledger.
 * Cost: O(processes + hosts + registrations + newly expired allocations), never a walk over all allocations.
 */
final class Scanner {

    private final Books books;
    private final List<GrantSlot> touchedSlots = new ArrayList<>();
    private final HostReplay.Recorder recorder = new HostReplay.Recorder();

    private final boolean replayUnchangedHosts;

    Scanner(Books books, boolean replayUnchangedHosts) {
        this.books = books;
        this.replayUnchangedHosts = replayUnchangedHosts;
    }

    ScanReport scan(GameSession session, Seq<HostSnapshot> hosts, Instant now) {
        long generation = ++books.generation;
        Findings findings = new Findings();
        GameSession previous = books.session != null ? books.session : books.restoredSession;
        boolean sessionChanged = previous != null && !previous.equals(session);
        Map<HostName, Long> exitedForeignAtReload = sessionChanged ? endSession(session, findings) : Map.of();
        books.session = session;
        List<HostTally> tallies = new ArrayList<>();
        for (HostSnapshot snapshot : hosts) {
            tallies.add(scanHost(snapshot, generation, now,
                    exitedForeignAtReload.getOrDefault(snapshot.host(), 0L), findings));
        }
        markAbsentHosts(generation, findings);
        ageUnsightedClaims(findings);
        ageRegistrations(generation, findings);
        expireAllocations(now, findings);
        return findings.report(session, now, sessionChanged, tallies);
    }

    private HostTally scanHost(HostSnapshot snapshot, long generation, Instant now, long exitedForeignCarried,
                               Findings findings) {
        HostAccount account = books.ledger.observe(snapshot);
        HostProcesses onHost = books.processesOn(account);
        if (onHost.scannedGeneration == generation) {
            throw new IllegalArgumentException("a scan lists host " + account.name() + " twice");
        }
        onHost.scannedGeneration = generation;
        PidTable tracked = onHost.tracked;
        ProcessSnapshots processes = snapshot.processes();
        touchedSlots.clear();
        HostReplay pass = onHost.lastPass;
        long exitedForeign = exitedForeignCarried;
        if (replayUnchangedHosts && pass != null && pass.holdsFor(processes, tracked, account)) {
            pass.replay(this, generation, now);
        } else {
            classifyAll(processes, tracked, account, generation, now);
            if (tracked.size() > recorder.distinct) {
                exitedForeign += removeExited(onHost, generation, findings);
            }
            pass = recorder.finish(processes, tracked.version(), touchedSlots);
            onHost.lastPass = pass;
        }
        long overGrant = pass.registeredBeyondDeclared + overGrant(account, pass.usedWithoutGrant, findings);
        // Used RAM no process explains (the game holds it for "share") is foreign too.
        long unexplained = Math.max(0, snapshot.usedRam().hundredths() - pass.processRam);
        long foreignTotal = pass.foreign + unexplained;
        account.applyPoll(new HostPoll(snapshot.usedRam(), Ram.ofHundredths(foreignTotal),
                Ram.ofHundredths(exitedForeign), Ram.ofHundredths(overGrant)),
                books.ledger.estimator(), books.ledger.marginPolicy(), now);
        return new HostTally(account, pass.distinct, snapshot.usedRam().hundredths(), pass.ours, foreignTotal,
                exitedForeign, overGrant);
    }

    /** Classifies every process of one host with constant-time lookups, recording what it finds in {@link #recorder}. */
    private void classifyAll(ProcessSnapshots processes, PidTable tracked, HostAccount account, long generation,
                             Instant now) {
        HostReplay.Recorder found = recorder;
        found.start(++books.hostPasses);
        for (int row = 0; row < processes.size(); row++) {
            long pid = processes.pidValue(row);
            int at = tracked.indexOf(pid);
            if (at < 0) {
                at = tracked.insert(pid, firstSighting(processes, row));
            }
            byte kind = tracked.kinds[at];
            if (kind == PidTable.OWNED && ownerEnded(tracked.owners[at], tracked.slots[at])) {
                kind = PidTable.UNRESOLVED;
            }
            if (kind == PidTable.UNRESOLVED || kind == PidTable.LINKED) {
                kind = classify(tracked, at, account);
            }
            if (tracked.seenGeneration[at] != generation) {
                tracked.seenGeneration[at] = generation;
                found.distinct++;
            }
            long ram = processes.ramHundredths(row);
            tracked.ram[at] = ram;
            found.processRam += ram;
            if (kind == PidTable.FOREIGN) {
                found.foreign += ram;
                tracked.countedForeign[at] = true;
                continue;
            }
            tracked.countedForeign[at] = false;
            AllocationState owner = tracked.owners[at];
            if (kind == PidTable.LINKED) {
                TrackedProcess linked = tracked.processes[at];
                if (linked.requester != null) {
                    found.keptAlive(linked.requester);
                    keepRequestedAlive(linked.requester, generation, now);
                }
                if (linked.claim != null) {
                    found.linked(linked.claim);
                    linked.claim.sighted = true;
                }
                RegistrationState registration = linked.registration;
                if (registration != null) {
                    found.seen(registration);
                    registration.seenGeneration = generation;
                    if (owner == null) {
                        found.ours += ram;
                        found.registeredBeyondDeclared += Math.max(0,
                                ram - registration.registration.ram().hundredths());
                        continue;
                    }
                }
                if (owner == null) {
                    found.foreign += ram;
                    tracked.countedForeign[at] = true;
                    continue;
                }
            }
            found.ours += ram;
            found.keptAlive(owner);
            markAlive(owner, generation, now);
            GrantSlot slot = tracked.slots[at];
            if (slot == null) {
                slot = owner.slotOn(account);
                tracked.slots[at] = slot;
            }
            if (slot != null) {
                addUsage(slot, ram, generation);
            } else {
                found.usedWithoutGrant = found.usedWithoutGrant == null ? new LinkedHashMap<>()
                        : found.usedWithoutGrant;
                found.usedWithoutGrant.merge(owner, ram, Long::sum);
            }
        }
    }

    /** The game never changes a pid's script or arguments within a session, so its tag is read once, here. */
    private TrackedProcess firstSighting(ProcessSnapshots processes, int row) {
        String[] args = processes.argArray(row);
        return new TrackedProcess(processes.pid(row), processes.script(row), args, books.tags.read(args));
    }

    private static boolean ownerEnded(AllocationState owner, GrantSlot slot) {
        return owner.closed || (slot != null && slot.removed);
    }

    /** Resolves the process's links when they changed and caches the outcome in the table's arrays. */
    private byte classify(PidTable tracked, int at, HostAccount account) {
        TrackedProcess process = tracked.processes[at];
        if (tracked.kinds[at] == PidTable.UNRESOLVED || process.needsResolving()) {
            books.resolve(process, process.pid, account);
        }
        AllocationState owner = process.owner();
        boolean linked = process.claim != null || process.registration != null || process.requester != null;
        byte kind = linked ? PidTable.LINKED : owner != null ? PidTable.OWNED : PidTable.FOREIGN;
        tracked.kinds[at] = kind;
        tracked.owners[at] = owner;
        tracked.slots[at] = process.slot;
        return kind;
    }

    void keepRequestedAlive(RequesterEntry requester, long generation, Instant now) {
        List<AllocationState> requested = requester.allocations;
        for (int i = 0; i < requested.size(); i++) {
            markAlive(requested.get(i), generation, now);
        }
    }

    void markAlive(AllocationState allocation, long generation, Instant now) {
        if (!allocation.closed && allocation.aliveGeneration != generation) {
            allocation.aliveGeneration = generation;
            books.aliveOrder.touch(allocation, now);
        }
    }

    void addUsage(GrantSlot slot, long ram, long generation) {
        if (slot.usedGeneration != generation) {
            slot.usedGeneration = generation;
            slot.used = 0;
            touchedSlots.add(slot);
        }
        slot.used += ram;
    }

    private long overGrant(HostAccount account, Map<AllocationState, Long> usedWithoutGrant, Findings findings) {
        long excess = 0;
        for (int i = 0; i < touchedSlots.size(); i++) {
            GrantSlot slot = touchedSlots.get(i);
            long granted = slot.ram();
            if (slot.used > granted) {
                excess += slot.used - granted;
                findings.overGrant.add(new OverGrantUsage(slot.owner.id, account.name(), Ram.ofHundredths(granted),
                        Ram.ofHundredths(slot.used)));
            }
        }
        if (usedWithoutGrant != null) {
            for (Map.Entry<AllocationState, Long> entry : usedWithoutGrant.entrySet()) {
                excess += entry.getValue();
                findings.overGrant.add(new OverGrantUsage(entry.getKey().id, account.name(), Ram.ZERO,
                        Ram.ofHundredths(entry.getValue())));
            }
        }
        return excess;
    }

    /** Forgets processes the scan no longer lists; returns the RAM of the foreign ones among them. */
    private long removeExited(HostProcesses onHost, long generation, Findings findings) {
        long[] exitedForeign = {0};
        onHost.tracked.removeUnseen(generation,
                process -> exitedForeign[0] += recordExit(onHost.account, process, findings));
        return exitedForeign[0];
    }

    private long recordExit(HostAccount host, TrackedProcess process, Findings findings) {
        findings.exited.add(new ExitedProcess(host.name(), process.pid, process.script, process.args(),
                Ram.ofHundredths(process.ram), process.origin));
        if (process.claim != null && !process.claim.dropped) {
            books.dropClaim(process.claim);
            findings.droppedClaims.add(process.claim.claim);
        }
        return process.countedForeign ? process.ram : 0;
    }

    /**
     * The game was reloaded: pids restart at 1, so every pid-keyed record of the old session ends. The old
     * processes are reported as exited (restarted scripts come back under new pids, with their tags).
     */
    private Map<HostName, Long> endSession(GameSession newSession, Findings findings) {
        Map<HostName, Long> exitedForeign = new HashMap<>();
        for (HostProcesses onHost : books.processes.values()) {
            long[] foreign = {0};
            onHost.tracked.forEach(process -> foreign[0] += recordExit(onHost.account, process, findings));
            onHost.tracked.clear();
            exitedForeign.put(onHost.account.name(), foreign[0]);
        }
        for (ClaimState claim : new ArrayList<>(books.claimsByPid.values())) {
            books.dropClaim(claim);
            findings.droppedClaims.add(claim.claim);
        }
        for (RegistrationState registration : new ArrayList<>(books.registrations.values())) {
            if (!registration.registration.session().equals(newSession)) {
                books.dropRegistration(registration);
                findings.droppedRegistrations.add(new DroppedRegistration(registration.registration,
                        DroppedRegistration.Reason.SESSION_ENDED));
            }
        }
        books.requesters.values().removeIf(entry -> {
            entry.dead = !entry.session.equals(newSession);
            return entry.dead;
        });
        return exitedForeign;
    }

    private void markAbsentHosts(long generation, Findings findings) {
        for (int i = 0; i < books.ledger.size(); i++) {
            HostAccount account = books.ledger.at(i);
            HostProcesses onHost = books.processes.get(account.name());
            if (onHost != null && onHost.scannedGeneration == generation) {
                continue;
            }
            if (onHost != null) {
                onHost.tracked.forEach(process -> recordExit(account, process, findings));
                onHost.tracked.clear();
            }
            account.markAbsent();
            findings.absentHosts.add(account.name());
        }
    }

    /** A claim whose pid no scan has shown yet is dropped once it was missing longer than the tolerated polls. */
    private void ageUnsightedClaims(Findings findings) {
        Iterator<ClaimState> unsighted = books.unsightedClaims.iterator();
        while (unsighted.hasNext()) {
            ClaimState claim = unsighted.next();
            if (claim.dropped || claim.sighted) {
                unsighted.remove();
            } else if (++claim.absentPolls > books.policy.absentPollsTolerated()) {
                books.dropClaim(claim);
                findings.droppedClaims.add(claim.claim);
                unsighted.remove();
            }
        }
    }

    private void ageRegistrations(long generation, Findings findings) {
        List<RegistrationState> vanished = new ArrayList<>();
        for (RegistrationState registration : books.registrations.values()) {
            if (registration.seenGeneration == generation) {
                registration.absentPolls = 0;
            } else if (++registration.absentPolls > books.policy.absentPollsTolerated()) {
                vanished.add(registration);
            }
        }
        for (RegistrationState registration : vanished) {
            books.dropRegistration(registration);
            findings.droppedRegistrations.add(new DroppedRegistration(registration.registration,
                    DroppedRegistration.Reason.PID_VANISHED));
        }
    }

    private void expireAllocations(Instant now, Findings findings) {
        AllocationState oldest;
        while ((oldest = books.aliveOrder.oldestExpired(books.policy.allocationGrace(), now)) != null) {
            Instant lastAliveAt = oldest.lastAliveAt;
            findings.expired.add(new ExpiredAllocation(oldest.snapshot(), lastAliveAt));
            books.close(oldest);
        }
    }

    private record HostTally(HostAccount account, int processes, long used, long ours, long foreign,
                             long exitedForeign, long overGrant) {

        HostScanResult result() {
            return new HostScanResult(account.name(), processes, Ram.ofHundredths(used), Ram.ofHundredths(ours),
                    Ram.ofHundredths(foreign), Ram.ofHundredths(exitedForeign), Ram.ofHundredths(overGrant),
                    account.reserved(), account.margin(), account.effectiveFree());
        }
    }

    /** What the scan found, collected in plain lists and frozen into the report at the end. */
    private static final class Findings {
        final List<ExitedProcess> exited = new ArrayList<>();
        final List<OverGrantUsage> overGrant = new ArrayList<>();
        final List<ExpiredAllocation> expired = new ArrayList<>();
        final List<DroppedRegistration> droppedRegistrations = new ArrayList<>();
        final List<Claim> droppedClaims = new ArrayList<>();
        final List<HostName> absentHosts = new ArrayList<>();

        ScanReport report(GameSession session, Instant at, boolean sessionChanged, List<HostTally> tallies) {
            io.vavr.collection.List<HostScanResult> hosts = io.vavr.collection.List.empty();
            for (int i = tallies.size() - 1; i >= 0; i--) {
                hosts = hosts.prepend(tallies.get(i).result());
            }
            return new ScanReport(session, at, sessionChanged, io.vavr.collection.List.ofAll(exited),
                    io.vavr.collection.List.ofAll(overGrant), io.vavr.collection.List.ofAll(expired),
                    io.vavr.collection.List.ofAll(droppedRegistrations), io.vavr.collection.List.ofAll(droppedClaims),
                    io.vavr.collection.List.ofAll(absentHosts), hosts);
        }
    }
}

package bitalloc.domain.allocator;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostAccount;
import bitalloc.domain.host.HostLedger;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.ProcessOrigin;
import bitalloc.domain.tag.AllocationTags;
import bitalloc.domain.tag.TagReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocator's mutable records and the operations that keep them consistent with each other and with the
 * ledger. Plain hash maps and object links keep the hot paths free of per-call allocation and of any walk over
 * all allocations.
 */
final class Books {

    final AllocatorPolicy policy;
    final HostLedger ledger;
    final AllocationTags tags;
    final Map<AllocationId, AllocationState> allocations = new LinkedHashMap<>();
    final Map<Pid, ClaimState> claimsByPid = new HashMap<>();
    final List<ClaimState> unsightedClaims = new ArrayList<>();
    final Map<Pid, RegistrationState> registrations = new LinkedHashMap<>();
    final Map<Pid, RequesterEntry> requesters = new HashMap<>();
    final Map<HostName, HostProcesses> processes = new HashMap<>();
    final AliveOrder aliveOrder = new AliveOrder();
    final ReleasedIds released;
    /** The game session of the latest scan; null before the first. */
    GameSession session;
    /** The game session restored records come from, until the first scan; null when nothing was restored. */
    GameSession restoredSession;
    long generation;
    /** Counts full passes over a host's processes, so each pass can tell what it has recorded. */
    long hostPasses;

    Books(AllocatorPolicy policy) {
        this.policy = policy;
        this.ledger = new HostLedger(policy.setAside(), policy.estimator(), policy.margin());
        this.tags = AllocationTags.of(policy.tagKey());
        this.released = new ReleasedIds(policy.rememberedReleases());
    }

    HostProcesses processesOn(HostAccount account) {
        return processes.computeIfAbsent(account.name(), name -> new HostProcesses(account));
    }

    /** A claim, registration or requester now names this pid: its cached classification must be redone. */
    void invalidate(HostName host, Pid pid) {
        HostProcesses onHost = processes.get(host);
        if (onHost != null) {
            onHost.tracked.invalidate(pid.value());
        }
    }

    void book(AllocationState allocation, HostAccount host, int chunks) {
        GrantSlot slot = allocation.slotOrNewOn(host);
        host.book(chunks * allocation.chunkHundredths);
        slot.chunks += chunks;
    }

    void unbook(GrantSlot slot, int chunks) {
        slot.host.unbook(chunks * slot.owner.chunkHundredths);
        slot.chunks -= chunks;
        if (slot.chunks == 0) {
            slot.removed = true;
            slot.owner.slots.remove(slot);
        }
    }

    void open(AllocationState allocation, java.time.Instant aliveSince) {
        if (allocations.putIfAbsent(allocation.id, allocation) != null) {
            throw new IllegalStateException("allocation id supplied twice: " + allocation.id);
        }
        aliveOrder.append(allocation, aliveSince);
        addToRequester(allocation);
    }

    /** Ends a live allocation: every grant goes back to its host, every claim ends. */
    void close(AllocationState allocation) {
        allocation.closed = true;
        for (GrantSlot slot : allocation.slots) {
            slot.removed = true;
            slot.host.unbook(slot.ram());
        }
        for (ClaimState claim : allocation.claims.values()) {
            claim.dropped = true;
            claimsByPid.remove(claim.claim.pid(), claim);
        }
        allocations.remove(allocation.id);
        aliveOrder.remove(allocation);
        removeFromRequester(allocation);
        released.remember(allocation.id);
    }

    void dropClaim(ClaimState claim) {
        if (claim.dropped) {
            return;
        }
        claim.dropped = true;
        claim.slot.claimedChunks -= claim.claim.chunks();
        claimsByPid.remove(claim.claim.pid(), claim);
        claim.owner.claims.remove(claim.claim.pid(), claim);
    }

    void dropRegistration(RegistrationState registration) {
        if (registration.dropped) {
            return;
        }
        registration.dropped = true;
        registration.host.removeRegistered(registration.registration.ram().hundredths());
        registrations.remove(registration.registration.pid(), registration);
    }

    private void addToRequester(AllocationState allocation) {
        Requester requester = allocation.request.requester();
        RequesterEntry entry = requesters.get(requester.pid());
        if (entry == null || !entry.host.equals(requester.host()) || !entry.session.equals(allocation.session)) {
            if (entry != null) {
                entry.dead = true;
            }
            entry = new RequesterEntry(requester.host(), allocation.session);
            requesters.put(requester.pid(), entry);
            invalidate(requester.host(), requester.pid());
        }
        entry.add(allocation);
    }

    private void removeFromRequester(AllocationState allocation) {
        Pid pid = allocation.request.requester().pid();
        RequesterEntry entry = requesters.get(pid);
        if (entry != null && entry.remove(allocation)) {
            entry.dead = true;
            requesters.remove(pid);
        }
    }

    /** Links a process to whatever makes it ours (DESIGN A6): a live tag, a claim, a registration, a request. */
    void resolve(TrackedProcess process, Pid pid, HostAccount host) {
        process.invalid = false;
        process.taggedTo = null;
        process.slot = null;
        process.claim = null;
        process.registration = null;
        process.requester = null;
        if (process.tag instanceof TagReading.Tagged tagged) {
            AllocationState allocation = allocations.get(tagged.id());
            if (allocation != null) {
                process.taggedTo = allocation;
                process.slot = allocation.slotOn(host);
            }
        }
        ClaimState claim = claimsByPid.get(pid);
        if (claim != null && claim.slot.host == host) {
            process.claim = claim;
            if (process.taggedTo == null) {
                process.slot = claim.slot;
            }
        }
        RegistrationState registration = registrations.get(pid);
        if (registration != null && registration.host == host && registration.registration.session().equals(session)) {
            process.registration = registration;
        }
        RequesterEntry requester = requesters.get(pid);
        if (requester != null && requester.host.equals(host.name()) && requester.session.equals(session)) {
            process.requester = requester;
        }
        process.origin = process.taggedTo != null ? process.taggedTo.taggedOrigin
                : process.claim != null ? process.claim.owner.claimedOrigin
                : process.registration != null ? ProcessOrigin.REGISTERED
                : ProcessOrigin.FOREIGN;
    }
}

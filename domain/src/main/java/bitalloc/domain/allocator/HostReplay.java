package bitalloc.domain.allocator;

import bitalloc.domain.host.HostAccount;
import bitalloc.domain.process.ProcessSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the last full pass over one host's processes found and did. Most hosts list the same processes poll after
 * poll; when a poll lists the same pids, threads and RAM in the same order, and nothing those processes were linked
 * to (allocation, grant, claim, registration, requester) ended or changed, classifying them again would redo exactly
 * this work, so the scan replays it instead: O(hosts) for an unchanged network, O(processes) otherwise.
 * The comparison is by content: a new poll's snapshot is always a new object.
 */
final class HostReplay {

    private final ProcessSnapshots listed;
    private final long tableVersion;
    final int distinct;
    final long processRam;
    final long ours;
    final long foreign;
    final long registeredBeyondDeclared;
    final Map<AllocationState, Long> usedWithoutGrant;
    /** Allocations ({@link AllocationState}) and requesters ({@link RequesterEntry}) kept alive, in pass order. */
    private final Object[] keptAlive;
    private final GrantSlot[] slots;
    private final long[] slotUsage;
    /** Claims the pass linked processes to; it marked them sighted, which they stay. */
    private final ClaimState[] claims;
    private final RegistrationState[] registrations;

    private HostReplay(Recorder pass, ProcessSnapshots listed, long tableVersion, List<GrantSlot> touchedSlots) {
        this.listed = listed;
        this.tableVersion = tableVersion;
        this.distinct = pass.distinct;
        this.processRam = pass.processRam;
        this.ours = pass.ours;
        this.foreign = pass.foreign;
        this.registeredBeyondDeclared = pass.registeredBeyondDeclared;
        this.usedWithoutGrant = pass.usedWithoutGrant;
        this.keptAlive = pass.keptAlive.toArray();
        this.slots = touchedSlots.toArray(new GrantSlot[0]);
        this.slotUsage = new long[slots.length];
        for (int i = 0; i < slots.length; i++) {
            slotUsage[i] = slots[i].used;
        }
        this.claims = pass.claims.toArray(new ClaimState[0]);
        this.registrations = pass.registrations.toArray(new RegistrationState[0]);
    }

    /** Whether a full pass over {@code processes} now would do exactly what this one did. */
    boolean holdsFor(ProcessSnapshots processes, PidTable tracked, HostAccount host) {
        if (tracked.version() != tableVersion || !processes.listsSameProcessesAs(listed)) {
            return false;
        }
        for (Object alive : keptAlive) {
            if (alive instanceof AllocationState allocation ? allocation.closed : ((RequesterEntry) alive).dead) {
                return false;
            }
        }
        for (GrantSlot slot : slots) {
            if (slot.removed) {
                return false;
            }
        }
        if (usedWithoutGrant != null) {
            for (AllocationState allocation : usedWithoutGrant.keySet()) {
                if (allocation.slotOn(host) != null) {
                    return false;
                }
            }
        }
        for (ClaimState claim : claims) {
            if (claim.dropped) {
                return false;
            }
        }
        for (RegistrationState registration : registrations) {
            if (registration.dropped) {
                return false;
            }
        }
        return true;
    }

    /** Repeats the pass's effects on the books for scan {@code generation}. */
    void replay(Scanner scanner, long generation, Instant now) {
        for (Object alive : keptAlive) {
            if (alive instanceof AllocationState allocation) {
                scanner.markAlive(allocation, generation, now);
            } else {
                scanner.keepRequestedAlive((RequesterEntry) alive, generation, now);
            }
        }
        for (int i = 0; i < slots.length; i++) {
            scanner.addUsage(slots[i], slotUsage[i], generation);
        }
        for (RegistrationState registration : registrations) {
            registration.seenGeneration = generation;
        }
    }

    /** Collects what one full pass over a host does; reused from host to host. */
    static final class Recorder {

        private long pass;
        int distinct;
        long processRam;
        long ours;
        long foreign;
        long registeredBeyondDeclared;
        Map<AllocationState, Long> usedWithoutGrant;
        private final List<Object> keptAlive = new ArrayList<>();
        private final List<ClaimState> claims = new ArrayList<>();
        private final List<RegistrationState> registrations = new ArrayList<>();

        void start(long passNumber) {
            pass = passNumber;
            distinct = 0;
            processRam = 0;
            ours = 0;
            foreign = 0;
            registeredBeyondDeclared = 0;
            usedWithoutGrant = null;
            keptAlive.clear();
            claims.clear();
            registrations.clear();
        }

        /** Records an owner once per pass, at its first process. */
        void keptAlive(AllocationState allocation) {
            if (allocation.recordedInPass != pass) {
                allocation.recordedInPass = pass;
                keptAlive.add(allocation);
            }
        }

        void keptAlive(RequesterEntry requester) {
            keptAlive.add(requester);
        }

        void linked(ClaimState claim) {
            claims.add(claim);
        }

        void seen(RegistrationState registration) {
            registrations.add(registration);
        }

        HostReplay finish(ProcessSnapshots listed, long tableVersion, List<GrantSlot> touchedSlots) {
            return new HostReplay(this, listed, tableVersion, touchedSlots);
        }
    }
}

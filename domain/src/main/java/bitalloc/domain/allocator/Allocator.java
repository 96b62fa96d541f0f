package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Claim;
import bitalloc.domain.allocation.ClaimOutcome;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.Registration;
import bitalloc.domain.allocation.RegistrationOutcome;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.host.HostAccount;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.ScanReport;
import bitalloc.domain.tag.AllocationTags;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The RAM allocator (DESIGN §3): an exact ledger per host, allocations with grants and claims, registrations of
 * core services, and the scan that classifies every process and keeps the ledger honest.
 *
 * <p>One mutable aggregate, single-threaded by contract: the application serialises every call. Time is always
 * passed in. Refusals are values; exceptions mean a caller broke a precondition (a programming error).
 */
public final class Allocator {

    private final Books books;
    private final Placement placement;
    private final Scanner scanner;
    private final Supplier<AllocationId> ids;

    public Allocator(AllocatorPolicy policy, Supplier<AllocationId> ids) {
        this(policy, ids, true);
    }

    /** With {@code replayUnchangedHosts} off every scan classifies every process, so tests can compare the two. */
    Allocator(AllocatorPolicy policy, Supplier<AllocationId> ids, boolean replayUnchangedHosts) {
        this.books = new Books(policy);
        this.placement = new Placement(books.ledger);
        this.scanner = new Scanner(books, replayUnchangedHosts);
        this.ids = ids;
    }

    /** An allocator drawing random 128-bit ids. */
    public static Allocator withRandomIds(AllocatorPolicy policy) {
        return new Allocator(policy, () -> new AllocationId(java.util.UUID.randomUUID()));
    }

    // ---- allocations (A2, A3) ----

    /** Grants the request all at once, or part of it when shrinkable, or refuses it leaving nothing behind (A2). */
    public Either<AllocationRefused, Allocation> allocate(AllocationRequest request, GameSession session,
                                                          Instant now) {
        return placement.place(request, request.chunkCount()).map(plan -> {
            AllocationState allocation = new AllocationState(ids.get(), request, session, now);
            books.open(allocation, now);
            for (int i = 0; i < plan.size(); i++) {
                books.book(allocation, plan.host(i), plan.chunks(i));
            }
            return allocation.snapshot();
        });
    }

    /** Adds chunks to a live allocation under its original request's preferences; grants per host are merged. */
    public Either<AllocationRefused, Allocation> grow(AllocationId id, int moreChunks, Instant now) {
        requirePositive(moreChunks, "chunks to grow by");
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return Either.left(new AllocationRefused.UnknownAllocation(id));
        }
        return placement.place(allocation.request, moreChunks).map(plan -> {
            for (int i = 0; i < plan.size(); i++) {
                books.book(allocation, plan.host(i), plan.chunks(i));
            }
            books.aliveOrder.touch(allocation, now);
            return allocation.snapshot();
        });
    }

    /** Labels {@code chunks} of the allocation's grant on {@code host} with {@code pid} (A3). */
    public Either<AllocationRefused, ClaimOutcome> claim(AllocationId id, HostName host, Pid pid, int chunks,
                                                         Instant now) {
        requirePositive(chunks, "chunks to claim");
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return Either.left(new AllocationRefused.UnknownAllocation(id));
        }
        ClaimState existing = books.claimsByPid.get(pid);
        if (existing != null && existing.owner != allocation) {
            return Either.left(new AllocationRefused.PidClaimedElsewhere(pid, existing.owner.id));
        }
        HostAccount account = books.ledger.find(host);
        GrantSlot slot = account == null ? null : allocation.slotOn(account);
        if (existing != null && existing.slot == slot && existing.claim.chunks() == chunks) {
            return Either.right(new ClaimOutcome.AlreadyClaimed(id, existing.claim));
        }
        int unclaimed = slot == null ? 0
                : slot.unclaimedChunks() + (existing != null && existing.slot == slot ? existing.claim.chunks() : 0);
        if (chunks > unclaimed) {
            return Either.left(new AllocationRefused.ClaimExceedsGrant(id, host, chunks, unclaimed));
        }
        if (existing != null) {
            books.dropClaim(existing);
        }
        GameSession session = books.session != null ? books.session : allocation.session;
        ClaimState claim = new ClaimState(allocation, slot, new Claim(host, pid, chunks, session, now));
        slot.claimedChunks += chunks;
        books.claimsByPid.put(pid, claim);
        allocation.claims.put(pid, claim);
        books.unsightedClaims.add(claim);
        books.invalidate(host, pid);
        books.aliveOrder.touch(allocation, now);
        return Either.right(new ClaimOutcome.Claimed(id, claim.claim));
    }

    /** Removes a pid's claim; its chunks stay granted. A second release says {@link ReleaseOutcome.NoSuchClaim}. */
    public Either<AllocationRefused, ReleaseOutcome> releaseClaim(AllocationId id, Pid pid) {
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return whenGone(id);
        }
        ClaimState claim = allocation.claims.get(pid);
        if (claim == null) {
            return Either.right(new ReleaseOutcome.NoSuchClaim(id, pid));
        }
        books.dropClaim(claim);
        return Either.right(new ReleaseOutcome.ClaimReleased(id, claim.claim));
    }

    /**
     * Gives back {@code chunks} unclaimed chunks of the grant on {@code host}. Asking for more than is granted is
     * reported as {@link AllocationRefused.OverFree}, never clamped; the allocation closes when its last chunk goes.
     */
    public Either<AllocationRefused, ReleaseOutcome> releaseChunks(AllocationId id, HostName host, int chunks) {
        requirePositive(chunks, "chunks to release");
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return whenGone(id);
        }
        HostAccount account = books.ledger.find(host);
        GrantSlot slot = account == null ? null : allocation.slotOn(account);
        int granted = slot == null ? 0 : slot.chunks;
        if (chunks > granted) {
            return Either.left(new AllocationRefused.OverFree(id, host, chunks, granted));
        }
        if (chunks > slot.unclaimedChunks()) {
            return Either.left(new AllocationRefused.ChunksStillClaimed(id, host, chunks, slot.unclaimedChunks()));
        }
        books.unbook(slot, chunks);
        boolean closed = allocation.slots.isEmpty();
        if (closed) {
            books.close(allocation);
        }
        return Either.right(new ReleaseOutcome.Released(id,
                List.of(new Grant(host, allocation.request.chunkSize(), chunks)), closed));
    }

    /** Releases the whole allocation and its claims. A second release says {@link ReleaseOutcome.AlreadyReleased}. */
    public Either<AllocationRefused, ReleaseOutcome> release(AllocationId id) {
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return whenGone(id);
        }
        List<Grant> freed = allocation.grants();
        books.close(allocation);
        return Either.right(new ReleaseOutcome.Released(id, freed, true));
    }

    private Either<AllocationRefused, ReleaseOutcome> whenGone(AllocationId id) {
        return books.released.contains(id)
                ? Either.right(new ReleaseOutcome.AlreadyReleased(id))
                : Either.left(new AllocationRefused.UnknownAllocation(id));
    }

    // ---- registrations (A5) ----

    /** Declares a core service's pid and RAM; it counts as ours from now on and is aged out if its pid vanishes. */
    public RegistrationOutcome register(HostName host, Pid pid, Ram ram, GameSession session, Instant now) {
        RegistrationState existing = books.registrations.get(pid);
        if (existing != null) {
            Registration known = existing.registration;
            if (known.host().equals(host) && known.session().equals(session) && known.ram().equals(ram)) {
                return new RegistrationOutcome.AlreadyRegistered(known);
            }
            books.dropRegistration(existing);
        }
        Registration registration = new Registration(host, pid, ram, session, now);
        add(registration);
        return new RegistrationOutcome.Registered(registration);
    }

    /** Ends a registration on clean shutdown; a second call says {@link RegistrationOutcome.NotRegistered}. */
    public RegistrationOutcome unregister(HostName host, Pid pid) {
        RegistrationState existing = books.registrations.get(pid);
        if (existing == null || !existing.registration.host().equals(host)) {
            return new RegistrationOutcome.NotRegistered(host, pid);
        }
        books.dropRegistration(existing);
        return new RegistrationOutcome.Unregistered(existing.registration);
    }

    private void add(Registration registration) {
        HostAccount account = books.ledger.accountOf(registration.host());
        RegistrationState state = new RegistrationState(registration, account);
        account.addRegistered(registration.ram().hundredths());
        books.registrations.put(registration.pid(), state);
        books.invalidate(registration.host(), registration.pid());
    }

    // ---- scan (A6, A7, A8) ----

    /** Classifies every process of every listed host, updates the ledger and reports what changed. */
    public ScanReport scan(GameSession session, Seq<HostSnapshot> hosts, Instant now) {
        return scanner.scan(session, hosts, now);
    }

    /** The game refused one of our launches on {@code host} for lack of RAM: the margin policy reacts (A8). */
    public void recordClash(HostName host) {
        HostAccount account = books.ledger.find(host);
        if (account != null) {
            account.recordClash(books.ledger.marginPolicy());
        }
    }

    // ---- recovery ----

    /**
     * Rebuilds the books after a restart from stored allocations and registrations. Hosts are booked at once;
     * their other figures come with the next scan. Restored allocations count as alive at {@code now}, and their
     * claims must be confirmed by a scan within the tolerated polls like any new claim.
     *
     * @param session the game session the stored records come from: a first scan of a later session (the game
     *                reloaded while bitalloc was down) ends it like any reload, so no reused pid confirms a claim
     * @throws IllegalStateException when the allocator already holds allocations or registrations
     */
    public void restore(Seq<Allocation> allocations, Seq<Registration> registrations, Option<GameSession> session,
                        Instant now) {
        if (!books.allocations.isEmpty() || !books.registrations.isEmpty()) {
            throw new IllegalStateException("restore needs an allocator with no allocations or registrations");
        }
        books.restoredSession = session.getOrNull();
        for (Allocation stored : allocations) {
            AllocationState allocation = new AllocationState(stored.id(), stored.request(), stored.session(),
                    stored.createdAt());
            books.open(allocation, now);
            for (Grant grant : stored.grants()) {
                if (!grant.chunkSize().equals(stored.chunkSize())) {
                    throw new IllegalArgumentException("grant chunk size differs from its request: " + grant);
                }
                books.book(allocation, books.ledger.accountOf(grant.host()), grant.chunks());
            }
            for (Claim claim : stored.claims()) {
                GrantSlot slot = allocation.slotOn(books.ledger.accountOf(claim.host()));
                if (slot == null || claim.chunks() > slot.unclaimedChunks()) {
                    throw new IllegalArgumentException("stored claim exceeds its grant: " + claim);
                }
                ClaimState state = new ClaimState(allocation, slot, claim);
                slot.claimedChunks += claim.chunks();
                books.claimsByPid.put(claim.pid(), state);
                allocation.claims.put(claim.pid(), state);
                books.unsightedClaims.add(state);
            }
        }
        registrations.forEach(this::add);
        books.processes.values().forEach(onHost -> onHost.tracked.clear());
    }

    // ---- views ----

    public Ram effectiveFree(HostName host) {
        HostAccount account = books.ledger.find(host);
        return account == null ? Ram.ZERO : account.effectiveFree();
    }

    public SortedMap<HostName, Ram> effectiveFreeByHost() {
        SortedMap<HostName, Ram> free = TreeMap.empty();
        for (int i = 0; i < books.ledger.size(); i++) {
            HostAccount account = books.ledger.at(i);
            free = free.put(account.name(), account.effectiveFree());
        }
        return free;
    }

    public Option<Allocation> allocation(AllocationId id) {
        return Option.of(books.allocations.get(id)).map(AllocationState::snapshot);
    }

    /**
     * Hands each claim of allocation {@code id} to {@code visitor}, in claim order, with the allocation's chunk size;
     * returns false, visiting nothing, once the allocation is gone. Builds nothing: the filler reads the claims of
     * its fillers on every tick.
     */
    public boolean forEachClaim(AllocationId id, BiConsumer<Claim, Ram> visitor) {
        AllocationState allocation = books.allocations.get(id);
        if (allocation == null) {
            return false;
        }
        Ram chunk = allocation.request.chunkSize();
        for (ClaimState claim : allocation.claims.values()) {
            visitor.accept(claim.claim, chunk);
        }
        return true;
    }

    /** The chunk size of allocation {@code id}, none once it is gone. */
    public Option<Ram> chunkSizeOf(AllocationId id) {
        return Option.of(books.allocations.get(id)).map(allocation -> allocation.request.chunkSize());
    }

    /** The RAM granted to allocation {@code id}, zero once it is gone; cheaper than {@link #allocation}. */
    public Ram granted(AllocationId id) {
        AllocationState allocation = books.allocations.get(id);
        return allocation == null ? Ram.ZERO : Ram.ofHundredths(allocation.grantedHundredths());
    }

    /**
     * The RAM granted to the live allocations of each requesting pid, without a snapshot of each allocation: the
     * selector asks this on every tick.
     */
    public java.util.Map<Pid, Ram> grantedByRequester() {
        java.util.Map<Pid, Ram> granted = new java.util.HashMap<>();
        for (AllocationState allocation : books.allocations.values()) {
            granted.merge(allocation.request.requester().pid(), Ram.ofHundredths(allocation.grantedHundredths()),
                    Ram::plus);
        }
        return granted;
    }

    /** Every live allocation, oldest first. */
    public List<Allocation> allocations() {
        return List.ofAll(books.allocations.values()).map(AllocationState::snapshot);
    }

    /** How many allocations are live, without reading them. */
    public int allocationCount() {
        return books.allocations.size();
    }

    public List<Registration> registrations() {
        return List.ofAll(books.registrations.values()).map(state -> state.registration);
    }

    /** Every host's ledger line, in host-name order. */
    public List<HostLedgerView> ledger() {
        return books.ledger.views();
    }

    public Option<HostLedgerView> ledger(HostName host) {
        return books.ledger.view(host);
    }

    /** The game session of the latest scan, if any. */
    public Option<GameSession> session() {
        return Option.of(books.session);
    }

    /** The tag format this allocator recognises (keyed when the policy has a tag key); launches must use it. */
    public AllocationTags tags() {
        return books.tags;
    }

    public AllocatorPolicy policy() {
        return books.policy;
    }

    private static void requirePositive(int chunks, String what) {
        if (chunks < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + chunks);
        }
    }
}

package bitalloc.application.port.out.state;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.Seq;

/**
 * The durable state. Every call is committed at the latest when {@link Transactions#awaitCommitted} returns; inside
 * {@link Transactions#inTransaction} it commits with the whole unit of work. A change acknowledged to a client must
 * therefore be saved, and committed, before the acknowledgement is sent.
 *
 * <p>Saves are upserts by key; removing something absent changes nothing. An allocation is saved whole once, when
 * it is granted; its later changes touch one grant or one claim each, so a change costs the same however many
 * claims the allocation holds. Many whole allocations can be saved or removed at once, which a store may write
 * cheaper than one at a time.
 */
public interface StateStore {

    void saveHost(StoredHost host);

    void removeHost(HostName host);

    void saveRegistration(StoredRegistration registration);

    void removeRegistration(GameSession session, Pid pid);

    /** Replaces the allocation with its grants and claims as given. */
    void saveAllocation(StoredAllocation allocation);

    /** Removes the allocation with its grants and claims. */
    void removeAllocation(AllocationId id);

    /**
     * Replaces each allocation with its grants and claims as given, as {@link #saveAllocation} would one after the
     * other (of two with the same id, the later one stays).
     */
    default void saveAllocations(Seq<StoredAllocation> allocations) {
        allocations.forEach(this::saveAllocation);
    }

    /** Removes each allocation with its grants and claims, as {@link #removeAllocation} would one after the other. */
    default void removeAllocations(Seq<AllocationId> ids) {
        ids.forEach(this::removeAllocation);
    }

    /**
     * Sets the saved allocation's grant of {@code grant.chunkSize()} chunks on {@code grant.host()}, adding it if
     * the allocation had none there.
     *
     * @throws RuntimeException when no allocation {@code allocation} is saved (a programming error)
     */
    void saveGrant(AllocationId allocation, ChunkGrant grant);

    void removeGrant(AllocationId allocation, HostName host, Ram chunkSize);

    /**
     * Adds the claim to the saved allocation, replacing whatever the same (session, pid) claimed in it before.
     *
     * @throws RuntimeException when no allocation {@code allocation} is saved (a programming error)
     */
    void saveClaim(AllocationId allocation, StoredClaim claim);

    /**
     * Removes every claim of (session, pid), whichever allocation holds it: a scan that drops a claim knows the
     * process, not its allocation.
     */
    void removeClaim(GameSession session, Pid pid);

    void saveTask(StoredTask task);

    void removeTask(HostName target);

    void savePendingLaunch(StoredPendingLaunch launch);

    void removePendingLaunch(HostName target);

    void saveBackoff(StoredBackoff backoff);

    void clearBackoff();

    /** Everything saved so far, for recovery. */
    DurableState load();
}

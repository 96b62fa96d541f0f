package bitalloc.application.service;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChange;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChanged;
import bitalloc.application.port.out.history.HistoryEvent.RefusalReason;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Claim;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocator.Allocator;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Makes every allocation change durable and historical: the durable state is committed before the caller
 * answers its client; the history line is queued for the batched writer. An allocation is stored whole once, when
 * granted; each later change writes only the grant or claim it touched.
 */
@Singleton
public final class AllocationJournal {

    private final StateStore store;
    private final Transactions transactions;
    private final HistoryLog history;

    @Inject
    public AllocationJournal(StateStore store, Transactions transactions, HistoryLog history) {
        this.store = store;
        this.transactions = transactions;
        this.history = history;
    }

    void granted(Allocation allocation, Instant now) {
        store.saveAllocation(StoredRecords.toStored(allocation));
        history.append(new AllocationChanged(now, allocation.session(), allocation.id(), AllocationChange.GRANTED,
                StoredRecords.requesterText(allocation.request().requester()),
                allocation.grants().map(StoredRecords::toStored), Option.none(), allocation.request().script()));
    }

    /** A process labelled chunks of the allocation's grant with its pid (a repeated claim replaces its own). */
    void claimed(Allocation allocation, Claim claim, Instant now) {
        store.saveClaim(allocation.id(), StoredRecords.toStored(claim, allocation.chunkSize()));
        history.append(new AllocationChanged(now, claim.session(), allocation.id(), AllocationChange.CLAIMED,
                StoredRecords.requesterText(allocation.request().requester()),
                List.of(new ChunkGrant(claim.host(), allocation.chunkSize(), claim.chunks())),
                Option.some(claim.pid()), ""));
    }

    void claimReleased(AllocationId id, Claim claim, String requester, GameSession session, Instant now) {
        store.removeClaim(claim.session(), claim.pid());
        history.append(new AllocationChanged(now, session, id, AllocationChange.CLAIM_RELEASED, requester,
                List.empty(), Option.some(claim.pid()), ""));
    }

    /**
     * Chunks or the whole allocation were given back: a closed allocation goes, otherwise each grant that shrank
     * is saved as the allocator now holds it.
     */
    void released(Allocator allocator, ReleaseOutcome.Released released, AllocationChange change, String requester,
                  GameSession session, Instant now) {
        AllocationId id = released.id();
        Option<Allocation> current = allocator.allocation(id);
        transactions.inTransaction(() -> {
            if (released.closed() || current.isEmpty()) {
                store.removeAllocation(id);
                return;
            }
            for (Grant freed : released.freed()) {
                Option<Grant> left = current.get().grantOn(freed.host());
                if (left.isDefined()) {
                    store.saveGrant(id, StoredRecords.toStored(left.get()));
                } else {
                    store.removeGrant(id, freed.host(), freed.chunkSize());
                }
            }
        });
        history.append(new AllocationChanged(now, session, id, change, requester,
                released.freed().map(StoredRecords::toStored), Option.none(), ""));
    }

    /** Claims a scan dropped (process gone, never seen within the grace, or of an old session). */
    void claimDropped(Claim claim) {
        store.removeClaim(claim.session(), claim.pid());
    }

    /** Allocations the scan released because nothing of theirs ran any more. */
    void reclaimed(Allocation allocation, GameSession session, Instant now) {
        store.removeAllocation(allocation.id());
        history.append(new AllocationChanged(now, session, allocation.id(), AllocationChange.RECLAIMED_LEAKED,
                StoredRecords.requesterText(allocation.request().requester()),
                allocation.grants().map(StoredRecords::toStored), Option.none(), "no live process past the grace"));
    }

    /** Refusals of new RAM are history too: they show where the network is short. */
    void refused(AllocationRequest request, AllocationRefused refusal, GameSession session, Instant now) {
        Option<RefusalReason> reason = reason(refusal);
        if (reason.isEmpty()) {
            return;
        }
        history.append(new HistoryEvent.AllocationRefused(now, session,
                StoredRecords.requesterText(request.requester()), request.chunkSize(), request.chunkCount(),
                reason.get(), available(refusal)));
    }

    private static Option<RefusalReason> reason(AllocationRefused refusal) {
        if (refusal instanceof AllocationRefused.NothingFree) {
            return Option.some(RefusalReason.NOTHING_FREE);
        } else if (refusal instanceof AllocationRefused.NotEnoughFree) {
            return Option.some(RefusalReason.NOT_ENOUGH_FREE);
        } else if (refusal instanceof AllocationRefused.ChunkLargerThanAnyHost) {
            return Option.some(RefusalReason.CHUNK_LARGER_THAN_ANY_HOST);
        }
        return Option.none();
    }

    private static Ram available(AllocationRefused refusal) {
        if (refusal instanceof AllocationRefused.NotEnoughFree notEnough) {
            return notEnough.available();
        } else if (refusal instanceof AllocationRefused.ChunkLargerThanAnyHost tooLarge) {
            return tooLarge.largestHostCapacity();
        }
        return Ram.ZERO;
    }
}

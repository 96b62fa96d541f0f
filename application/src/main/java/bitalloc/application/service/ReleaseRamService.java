package bitalloc.application.service;

import bitalloc.application.port.in.ReleaseRam;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChange;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.allocator.Allocator;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

@Singleton
public final class ReleaseRamService implements ReleaseRam {

    private final Engine engine;
    private final Clock clock;
    private final AllocationJournal journal;

    @Inject
    public ReleaseRamService(Engine engine, Clock clock, AllocationJournal journal) {
        this.engine = engine;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public Either<AllocationRefused, ReleaseOutcome> release(Command command) {
        return engine.locked(() -> {
            Allocator allocator = engine.allocator();
            String requester = allocator.allocation(command.allocation())
                    .map(a -> StoredRecords.requesterText(a.request().requester())).getOrElse("");
            Either<AllocationRefused, ReleaseOutcome> outcome = apply(allocator, command);
            outcome.forEach(result -> record(allocator, command, result, requester, clock.now()));
            return outcome;
        });
    }

    private static Either<AllocationRefused, ReleaseOutcome> apply(Allocator allocator, Command command) {
        if (command instanceof ReleaseClaim claim) {
            return allocator.releaseClaim(claim.allocation(), claim.pid());
        } else if (command instanceof ReleaseChunks chunks) {
            return allocator.releaseChunks(chunks.allocation(), chunks.host(), chunks.chunks());
        }
        return allocator.release(command.allocation());
    }

    /** Only real changes are journalled; a repeated release changed nothing and says so to its caller. */
    private void record(Allocator allocator, Command command, ReleaseOutcome result, String requester,
                        Instant now) {
        if (result instanceof ReleaseOutcome.Released released) {
            AllocationChange change = command instanceof ReleaseChunks
                    ? AllocationChange.CHUNKS_RELEASED : AllocationChange.RELEASED;
            journal.released(allocator, released, change, requester, engine.session(), now);
        } else if (result instanceof ReleaseOutcome.ClaimReleased claimReleased) {
            journal.claimReleased(claimReleased.id(), claimReleased.claim(), requester, engine.session(), now);
        }
    }
}

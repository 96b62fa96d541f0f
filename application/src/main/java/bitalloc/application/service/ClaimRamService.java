package bitalloc.application.service;

import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.ClaimOutcome;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

@Singleton
public final class ClaimRamService implements ClaimRam {

    private final Engine engine;
    private final Clock clock;
    private final AllocationJournal journal;

    @Inject
    public ClaimRamService(Engine engine, Clock clock, AllocationJournal journal) {
        this.engine = engine;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public Either<AllocationRefused, ClaimOutcome> claim(Command command) {
        return engine.locked(() -> {
            Instant now = clock.now();
            Either<AllocationRefused, ClaimOutcome> outcome = engine.allocator()
                    .claim(command.allocation(), command.host(), command.pid(), command.chunks(), now);
            // Not Either.filter: on a Left it answers Some(left), and a refused claim would be journaled.
            outcome.toOption().filter(result -> result instanceof ClaimOutcome.Claimed).forEach(claimed ->
                    journal.claimed(engine.allocator().allocation(command.allocation()).get(), claimed.claim(), now));
            return outcome;
        });
    }
}

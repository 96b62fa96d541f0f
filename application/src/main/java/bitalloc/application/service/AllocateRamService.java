package bitalloc.application.service;

import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.SelectorEvent;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

@Singleton
public final class AllocateRamService implements AllocateRam {

    private final Engine engine;
    private final Clock clock;
    private final AllocationJournal journal;
    private final CommandRunner commands;
    private final SpareRamFiller filler;

    @Inject
    public AllocateRamService(Engine engine, Clock clock, AllocationJournal journal, CommandRunner commands,
                              SpareRamFiller filler) {
        this.filler = filler;
        this.engine = engine;
        this.clock = clock;
        this.journal = journal;
        this.commands = commands;
    }

    @Override
    public Either<AllocationRefused, Allocation> allocate(Command command) {
        filler.makeRoomFor(command.request());
        Either<AllocationRefused, Allocation> result = engine.locked(() -> {
            Instant now = clock.now();
            Either<AllocationRefused, Allocation> outcome =
                    engine.allocator().allocate(command.request(), engine.session(), now);
            outcome.peek(allocation -> journal.granted(allocation, now));
            outcome.peekLeft(refusal -> {
                journal.refused(command.request(), refusal, engine.session(), now);
                tellSelectorIfTaskStarved(command.request().requester().pid(), refusal, now);
            });
            return outcome;
        });
        commands.runQueued();
        return result;
    }

    /**
     * A task whose helpers cannot get RAM slows new launches (T5). Before the first scan since the start the
     * allocator has seen no host, so a refusal then says nothing about the network: a task adopted after a restart
     * must not be killed for it.
     */
    private void tellSelectorIfTaskStarved(Pid requester, AllocationRefused refusal, Instant now) {
        boolean networkSeen = engine.allocator().session().isDefined();
        boolean lackOfRam = refusal instanceof AllocationRefused.NothingFree
                || refusal instanceof AllocationRefused.NotEnoughFree
                || refusal instanceof AllocationRefused.ChunkLargerThanAnyHost;
        if (networkSeen && lackOfRam && engine.selector().targetWithPid(requester).isDefined()) {
            engine.feed(new SelectorEvent.HelpersRefused(requester), now);
        }
    }
}

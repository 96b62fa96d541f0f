package bitalloc.application.service;

import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.LaunchFailureReason;
import bitalloc.domain.selection.SelectorCommand;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Carries out the selector's commands outside the engine lock and feeds the game's answers back as events.
 * A task script's own RAM is allocated like any other before it is launched, and the script carries the tag,
 * so the allocator counts it as ours and never grants that RAM twice (R1).
 */
@Singleton
public final class CommandRunner {

    private final Engine engine;
    private final Launcher launcher;
    private final Clock clock;
    private final TaskHosts taskHosts;
    private final AllocationJournal journal;
    private final SpareRamFiller filler;
    private final ReentrantLock executing = new ReentrantLock();

    @Inject
    public CommandRunner(Engine engine, Launcher launcher, Clock clock, TaskHosts taskHosts,
                         AllocationJournal journal, SpareRamFiller filler) {
        this.filler = filler;
        this.engine = engine;
        this.launcher = launcher;
        this.clock = clock;
        this.taskHosts = taskHosts;
        this.journal = journal;
    }

    /**
     * Runs every queued command, including those the answers to earlier ones produce. When another thread is
     * already running commands, it runs these too and this call returns at once: a live launch waits for the game,
     * and a heartbeat or a scan must not wait behind it. The check after unlocking catches commands queued while
     * the running thread was finishing.
     */
    public void runQueued() {
        while (executing.tryLock()) {
            try {
                SelectorCommand command;
                while ((command = engine.locked(engine::nextCommand)) != null) {
                    if (command instanceof LaunchTask launch) {
                        launch(launch);
                    } else if (command instanceof KillTask kill) {
                        launcher.kill(kill.pid());
                    }
                }
            } finally {
                executing.unlock();
            }
            if (!engine.locked(engine::hasCommands)) {
                return;
            }
        }
    }

    private void launch(LaunchTask launch) {
        AllocationRequest scriptRequest = new AllocationRequest(ControlPlaneRequester.INSTANCE, launch.script(),
                launch.footprint().scriptRam(), 1, true, false, false, true);
        filler.makeRoomFor(launch, scriptRequest);
        Either<AllocationRefused, Allocation> reserved = engine.locked(() -> reserveScriptRam(launch, scriptRequest));
        if (reserved.isLeft()) {
            engine.locked(() -> engine.feed(new SelectorEvent.LaunchFailed(launch.target(),
                    LaunchFailureReason.NOT_ENOUGH_RAM), clock.now()));
            return;
        }
        Allocation allocation = reserved.get();
        Grant grant = allocation.grants().head();
        List<String> args = engine.locked(() -> engine.allocator().tags().withTag(allocation.id(), launch.args()));
        Either<LaunchFailure, Pid> started = launcher.launch(grant.host(), launch.script(), 1, args);
        engine.locked(() -> {
            if (started.isRight()) {
                taskHosts.runsOn(started.get(), grant.host());
                engine.feed(new SelectorEvent.LaunchSucceeded(launch.target(), started.get()), clock.now());
            } else {
                if (started.getLeft() == LaunchFailure.NOT_ENOUGH_RAM) {
                    engine.allocator().recordClash(grant.host());
                }
                engine.feed(new SelectorEvent.LaunchFailed(launch.target(), reason(started.getLeft())), clock.now());
            }
        });
    }

    private Either<AllocationRefused, Allocation> reserveScriptRam(LaunchTask launch, AllocationRequest request) {
        Either<AllocationRefused, Allocation> result =
                engine.allocator().allocate(request, engine.session(), clock.now());
        result.peek(allocation -> {
            taskHosts.launchAllocated(launch.target(), allocation.id());
            journal.granted(allocation, clock.now());
        });
        return result;
    }

    private static LaunchFailureReason reason(LaunchFailure failure) {
        return switch (failure) {
            case NOT_ENOUGH_RAM -> LaunchFailureReason.NOT_ENOUGH_RAM;
            case SCRIPT_MISSING -> LaunchFailureReason.SCRIPT_MISSING;
            case NO_ROOT -> LaunchFailureReason.NO_ROOT;
            case UNREACHABLE -> LaunchFailureReason.UNREACHABLE;
        };
    }
}

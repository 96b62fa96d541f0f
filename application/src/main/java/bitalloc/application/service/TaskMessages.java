package bitalloc.application.service;

import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.selection.SelectorEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Messages from task scripts go straight to the selector, never held by back-off (T5). */
@Singleton
public final class TaskMessages implements RecordHeartbeat, FinishTask {

    private final Engine engine;
    private final Clock clock;
    private final CommandRunner commands;

    @Inject
    public TaskMessages(Engine engine, Clock clock, CommandRunner commands) {
        this.engine = engine;
        this.clock = clock;
        this.commands = commands;
    }

    @Override
    public void heartbeat(RecordHeartbeat.Command command) {
        engine.locked(() -> engine.feed(new SelectorEvent.Heartbeat(command.pid(), command.script(),
                command.target(), command.lifecycle()), clock.now()));
        commands.runQueued();
    }

    @Override
    public void finish(FinishTask.Command command) {
        engine.locked(() -> engine.feed(new SelectorEvent.TaskFinished(command.target(), command.lifecycle(),
                command.pid()), clock.now()));
        commands.runQueued();
    }
}

package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.Commands.Heartbeat;
import bitalloc.adapters.http.api.Commands.TaskFinished;
import bitalloc.adapters.http.api.Commands.TaskOutcome;
import bitalloc.adapters.http.api.Outcomes.Recorded;
import bitalloc.adapters.http.api.TaskApi;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.RecordHeartbeat;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Heartbeats and task ends go straight to the selector; an ending other than "completed" is logged. */
public final class LiveTasks implements TaskApi {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTasks.class);

    private final RecordHeartbeat heartbeat;
    private final FinishTask finish;

    public LiveTasks(RecordHeartbeat heartbeat, FinishTask finish) {
        this.heartbeat = heartbeat;
        this.finish = finish;
    }

    @Override
    public Either<ApiFailure, Recorded> heartbeat(Heartbeat command) {
        heartbeat.heartbeat(new RecordHeartbeat.Command(command.pid(), command.filename().value(), command.target(),
                command.lifecycle()));
        return Either.right(Recorded.RECORDED);
    }

    @Override
    public Either<ApiFailure, Recorded> finished(TaskFinished command) {
        if (command.outcome() != TaskOutcome.COMPLETED) {
            LOG.info("{} of {} (pid {}) ended: {} {}", command.lifecycle(), command.target(), command.pid(),
                    command.outcome(), command.detail().getOrElse(""));
        }
        finish.finish(new FinishTask.Command(command.target(), command.lifecycle(), command.pid()));
        return Either.right(Recorded.RECORDED);
    }
}

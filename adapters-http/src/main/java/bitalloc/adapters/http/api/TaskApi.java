package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Commands.Heartbeat;
import bitalloc.adapters.http.api.Commands.TaskFinished;
import bitalloc.adapters.http.api.Outcomes.Recorded;
import io.vavr.control.Either;

/** What task scripts tell the selector (DESIGN.md T2, T5, T6, T8). */
public interface TaskApi {

    Either<ApiFailure, Recorded> heartbeat(Heartbeat command);

    Either<ApiFailure, Recorded> finished(TaskFinished command);
}

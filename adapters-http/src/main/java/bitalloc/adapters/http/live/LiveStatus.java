package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.Outcomes.HostStatus;
import bitalloc.adapters.http.api.Outcomes.Status;
import bitalloc.adapters.http.api.Outcomes.TargetPhase;
import bitalloc.adapters.http.api.Outcomes.TargetStatus;
import bitalloc.adapters.http.api.Outcomes.Targets;
import bitalloc.adapters.http.api.StatusApi;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.Lifecycle;
import io.vavr.control.Option;

/** GET /status and /targets from the application's status query. */
public final class LiveStatus implements StatusApi {

    private final QueryStatus query;

    public LiveStatus(QueryStatus query) {
        this.query = query;
    }

    @Override
    public Status status() {
        return new Status(query.status().hosts().map(line -> new HostStatus(line.host(), line.kind(), line.maxRam(),
                line.allocated(), line.reserved(), line.margin(), line.effectiveFree())));
    }

    @Override
    public Targets targets() {
        return new Targets(query.status().targets().map(target -> new TargetStatus(target.target(),
                target.lifecycle().isEmpty() ? Option.none() : Option.some(Lifecycle.valueOf(target.lifecycle())),
                phase(target.state()),
                target.pid().isEmpty() ? Option.none() : Option.some(Pid.of(Long.parseLong(target.pid()))))));
    }

    /** The selector's task state, by its name (QueryStatus.TargetStatus#state). */
    private static TargetPhase phase(String state) {
        return switch (state) {
            case "Pending" -> TargetPhase.PENDING;
            case "Launching", "AwaitingHeartbeat" -> TargetPhase.LAUNCHING;
            case "Running" -> TargetPhase.ACTIVE;
            case "Recovering" -> TargetPhase.RECOVERING;
            default -> throw new IllegalStateException("unknown task state " + state);
        };
    }
}

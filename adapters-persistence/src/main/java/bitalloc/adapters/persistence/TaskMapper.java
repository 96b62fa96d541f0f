package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.PENDING_LAUNCH;
import static bitalloc.adapters.persistence.generated.Tables.SELECTOR_BACKOFF;
import static bitalloc.adapters.persistence.generated.Tables.TASK;

import bitalloc.adapters.persistence.generated.tables.records.PendingLaunchRecord;
import bitalloc.adapters.persistence.generated.tables.records.SelectorBackoffRecord;
import bitalloc.adapters.persistence.generated.tables.records.TaskRecord;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import java.time.Duration;
import org.jooq.DSLContext;

/** The selector's state: tasks, pending launches and the back-off, to and from their tables. */
final class TaskMapper {

    /** The back-off table holds at most this one row. */
    static final int BACKOFF_ROW = 1;

    private TaskMapper() {
    }

    static TaskRecord toRecord(DSLContext dsl, StoredTask task) {
        TaskRecord r = dsl.newRecord(TASK);
        r.setTarget(task.target().value());
        r.setLifecycle(task.lifecycle().name());
        r.setGameSession(task.session().value());
        r.setPid(task.pid().value());
        r.setHost(task.host().value());
        r.setScript(task.script());
        r.setLaunchedAt(Times.stored(task.launchedAt()));
        r.setLastHeartbeatAt(Times.stored(task.lastHeartbeatAt()));
        return r;
    }

    static StoredTask fromRecord(TaskRecord r) {
        return new StoredTask(HostName.of(r.getTarget()), TaskLifecycle.valueOf(r.getLifecycle()),
                new GameSession(r.getGameSession()), Pid.of(r.getPid()), HostName.of(r.getHost()), r.getScript(),
                Times.instant(r.getLaunchedAt()), Times.instant(r.getLastHeartbeatAt()));
    }

    static PendingLaunchRecord toRecord(DSLContext dsl, StoredPendingLaunch launch) {
        PendingLaunchRecord r = dsl.newRecord(PENDING_LAUNCH);
        r.setTarget(launch.target().value());
        r.setLifecycle(launch.lifecycle().name());
        r.setGameSession(launch.session().value());
        r.setPid(launch.pid().value());
        r.setHost(launch.host().value());
        r.setScript(launch.script());
        r.setLaunchedAt(Times.stored(launch.launchedAt()));
        r.setPromisedRam(launch.promisedRam().hundredths());
        return r;
    }

    static StoredPendingLaunch fromRecord(PendingLaunchRecord r) {
        return new StoredPendingLaunch(HostName.of(r.getTarget()), TaskLifecycle.valueOf(r.getLifecycle()),
                new GameSession(r.getGameSession()), Pid.of(r.getPid()), HostName.of(r.getHost()), r.getScript(),
                Times.instant(r.getLaunchedAt()), Ram.ofHundredths(r.getPromisedRam()));
    }

    static SelectorBackoffRecord toRecord(DSLContext dsl, StoredBackoff backoff) {
        SelectorBackoffRecord r = dsl.newRecord(SELECTOR_BACKOFF);
        r.setId(BACKOFF_ROW);
        r.setConsecutiveFailures(backoff.consecutiveFailures());
        r.setDelayMillis(backoff.delay().toMillis());
        r.setNextLaunchAt(Times.stored(backoff.nextLaunchAt()));
        return r;
    }

    static StoredBackoff fromRecord(SelectorBackoffRecord r) {
        return new StoredBackoff(r.getConsecutiveFailures(), Duration.ofMillis(r.getDelayMillis()),
                Times.instant(r.getNextLaunchAt()));
    }
}

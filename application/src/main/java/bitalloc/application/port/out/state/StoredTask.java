package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import java.time.Instant;

/** A confirmed task script: at most one per target (T1), so the target is its key. */
public record StoredTask(HostName target, TaskLifecycle lifecycle, GameSession session, Pid pid, HostName host,
                         String script, Instant launchedAt, Instant lastHeartbeatAt) {
}

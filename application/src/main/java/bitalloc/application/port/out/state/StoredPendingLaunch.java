package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import java.time.Instant;

/**
 * A launched task script whose first heartbeat has not arrived (T2), keyed by target. {@code promisedRam} is the
 * RAM counted as taken until the task's own allocations appear (T7).
 */
public record StoredPendingLaunch(HostName target, TaskLifecycle lifecycle, GameSession session, Pid pid,
                                  HostName host, String script, Instant launchedAt, Ram promisedRam) {
}

package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A core service's registration (A5), keyed by (session, pid). {@code absentSince} is set when a scan did not
 * find the pid, for the one-poll grace before it is dropped.
 */
public record StoredRegistration(GameSession session, Pid pid, HostName host, String script, Ram ram,
                                 Instant registeredAt, Option<Instant> absentSince) {
}

package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import java.time.Instant;

/**
 * A core service that started before it could be allocated, declaring its RAM (DESIGN A5).
 * It counts as ours while its pid shows in its host's process table during {@code session}.
 */
public record Registration(HostName host, Pid pid, Ram ram, GameSession session, Instant registeredAt) {
}

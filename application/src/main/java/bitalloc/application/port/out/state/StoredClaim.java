package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/** A process stating it runs inside its allocation's grant of (host, chunk size) using {@code chunks} chunks. */
public record StoredClaim(GameSession session, Pid pid, HostName host, Ram chunkSize, int chunks) {
}

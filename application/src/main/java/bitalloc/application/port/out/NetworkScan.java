package bitalloc.application.port.out;

import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import io.vavr.collection.List;

/** Every usable host's process table, read in one poll during one game session. */
public record NetworkScan(GameSession session, List<HostSnapshot> hosts) {
}

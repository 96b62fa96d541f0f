package bitalloc.domain.allocator;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import java.util.ArrayList;
import java.util.List;

/** The live allocations one requester pid asked for; while the requester runs, they count as alive. */
final class RequesterEntry {

    final HostName host;
    final GameSession session;
    final List<AllocationState> allocations = new ArrayList<>(2);
    boolean dead;

    RequesterEntry(HostName host, GameSession session) {
        this.host = host;
        this.session = session;
    }
}

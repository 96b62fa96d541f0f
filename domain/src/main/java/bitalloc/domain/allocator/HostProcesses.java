package bitalloc.domain.allocator;

import bitalloc.domain.host.HostAccount;
import bitalloc.domain.process.Pid;
import java.util.HashMap;
import java.util.Map;

/** The processes a host had at its last scan, by pid. */
final class HostProcesses {

    final HostAccount account;
    final Map<Pid, TrackedProcess> tracked = new HashMap<>();
    long scannedGeneration = -1;

    HostProcesses(HostAccount account) {
        this.account = account;
    }
}

package bitalloc.domain.allocator;

import bitalloc.domain.host.HostAccount;

/** The processes a host had at its last scan, by pid. */
final class HostProcesses {

    final HostAccount account;
    final PidTable tracked = new PidTable();
    long scannedGeneration = -1;
    /** The last full pass over this host's processes; null until the first. */
    HostReplay lastPass;

    HostProcesses(HostAccount account) {
        this.account = account;
    }
}

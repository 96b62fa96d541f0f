package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** The process asking for RAM: while it runs, its allocations count as alive. */
public record Requester(HostName host, Pid pid) {
    public Requester {
        if (host == null || pid == null) {
            throw new IllegalArgumentException("a requester needs a host and a pid");
        }
    }
}

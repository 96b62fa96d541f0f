package bitalloc.domain.host;

import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** One host as a poll saw it: its RAM, as the game reports it, and every process on it. */
public record HostSnapshot(HostName host, HostKind kind, int cores, Ram maxRam, Ram usedRam,
                           ProcessSnapshots processes) {
    public HostSnapshot {
        if (cores < 1) {
            throw new IllegalArgumentException("a host has at least one core: " + cores);
        }
    }

    public HostSnapshot(HostName host, HostKind kind, int cores, Ram maxRam, Ram usedRam,
                        List<ProcessSnapshot> processes) {
        this(host, kind, cores, maxRam, usedRam, ProcessSnapshots.of(processes));
    }
}

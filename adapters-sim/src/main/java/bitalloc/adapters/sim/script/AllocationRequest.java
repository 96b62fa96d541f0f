package bitalloc.adapters.sim.script;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A script's request for RAM for its children. Flags iterate in declaration order (deterministic). */
public record AllocationRequest(HostName requesterHost, Pid requesterPid, String script, Ram chunkSize, long chunks,
                                Set<AllocationFlag> flags) {
    public AllocationRequest {
        if (chunks <= 0 || chunkSize.isZero()) {
            throw new IllegalArgumentException("a request needs a positive chunk size and count");
        }
        EnumSet<AllocationFlag> copy = EnumSet.noneOf(AllocationFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    public boolean has(AllocationFlag flag) {
        return flags.contains(flag);
    }
}

package bitalloc.domain.scan;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/** An allocation's processes use more RAM on a host than it was granted there (a helper ran extra threads). */
public record OverGrantUsage(AllocationId id, HostName host, Ram granted, Ram used) {

    public Ram excess() {
        return used.minusOrZero(granted);
    }
}

package bitalloc.application.port.in;

import bitalloc.domain.allocation.Allocation;
import io.vavr.collection.List;

/** Every live allocation with its grants and claims, oldest first. */
public interface QueryAllocations {
    List<Allocation> allocations();
}

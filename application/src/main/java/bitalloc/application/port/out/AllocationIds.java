package bitalloc.application.port.out;

import bitalloc.domain.allocation.AllocationId;

/** Where new allocation ids come from: secure random bits when live, a seeded stream in simulation. */
@FunctionalInterface
public interface AllocationIds {
    AllocationId next();
}

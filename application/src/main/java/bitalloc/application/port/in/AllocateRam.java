package bitalloc.application.port.in;

import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import io.vavr.control.Either;

/** Grants RAM to a requester, committed before the answer, or refuses with a typed reason. */
public interface AllocateRam {

    Either<AllocationRefused, Allocation> allocate(Command command);

    record Command(AllocationRequest request) {
    }
}

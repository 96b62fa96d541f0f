package bitalloc.application.port.in;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.control.Either;

/** Gives RAM back: one claim, some chunks on a host, or a whole allocation. Repeating a release changes nothing. */
public interface ReleaseRam {

    Either<AllocationRefused, ReleaseOutcome> release(Command command);

    sealed interface Command {
        AllocationId allocation();
    }

    record ReleaseClaim(AllocationId allocation, Pid pid) implements Command {
    }

    record ReleaseChunks(AllocationId allocation, HostName host, int chunks) implements Command {
    }

    record ReleaseAllocation(AllocationId allocation) implements Command {
    }
}

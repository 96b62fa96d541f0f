package bitalloc.application.port.in;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.ClaimOutcome;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.control.Either;

/** Labels part of an allocation's grant on a host with the pid that runs in it. */
public interface ClaimRam {

    Either<AllocationRefused, ClaimOutcome> claim(Command command);

    record Command(AllocationId allocation, HostName host, Pid pid, int chunks) {
    }
}

package bitalloc.application.port.in;

import bitalloc.domain.allocation.RegistrationOutcome;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/** A core service that started before the allocator declares its RAM; committed before the answer. */
public interface RegisterService {

    RegistrationOutcome register(Command command);

    record Command(HostName host, Pid pid, String script, Ram ram) {
    }
}

package bitalloc.application.port.in;

import bitalloc.domain.allocation.RegistrationOutcome;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** A core service shutting down cleanly gives its registration back. */
public interface UnregisterService {

    RegistrationOutcome unregister(Command command);

    record Command(HostName host, Pid pid) {
    }
}

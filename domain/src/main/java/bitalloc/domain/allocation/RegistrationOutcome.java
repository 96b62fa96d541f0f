package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** What register and unregister did; repeating either changes nothing and says so. */
public sealed interface RegistrationOutcome {

    record Registered(Registration registration) implements RegistrationOutcome {
    }

    /** The same pid was registered with the same RAM already. */
    record AlreadyRegistered(Registration registration) implements RegistrationOutcome {
    }

    record Unregistered(Registration registration) implements RegistrationOutcome {
    }

    record NotRegistered(HostName host, Pid pid) implements RegistrationOutcome {
    }
}

package bitalloc.domain.allocator;

import bitalloc.domain.allocation.Registration;
import bitalloc.domain.host.HostAccount;

/** A live registration and how many scans in a row missed its pid. */
final class RegistrationState {

    final Registration registration;
    final HostAccount host;
    boolean dropped;
    long seenGeneration = -1;
    int absentPolls;

    RegistrationState(Registration registration, HostAccount host) {
        this.registration = registration;
        this.host = host;
    }
}

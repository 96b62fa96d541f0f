package bitalloc.domain.scan;

import bitalloc.domain.allocation.Registration;

/** A registration the scan dropped, and why. */
public record DroppedRegistration(Registration registration, Reason reason) {

    public enum Reason {
        /** Its pid was absent from its host's process table for longer than the grace. */
        PID_VANISHED,
        /** The game was reloaded: its pid belongs to an earlier session. */
        SESSION_ENDED
    }
}

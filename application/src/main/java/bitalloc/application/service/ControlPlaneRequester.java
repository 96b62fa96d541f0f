package bitalloc.application.service;

import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/**
 * The requester bitalloc names when it allocates a task script's own RAM. bitalloc has no process in the game,
 * so this requester never shows in a process table: such an allocation lives exactly as long as the task
 * process carrying its tag (or until bitalloc releases it when the task ends).
 */
final class ControlPlaneRequester {

    /** A pid the game never reaches and a name no game server carries. */
    static final Requester INSTANCE = new Requester(HostName.of("<bitalloc>"), Pid.of(Long.MAX_VALUE));

    private ControlPlaneRequester() {
    }
}

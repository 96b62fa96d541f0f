package bitalloc.application.port.in;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.Lifecycle;

/** A task script completed its phase; its target is classified again. */
public interface FinishTask {

    void finish(Command command);

    record Command(HostName target, Lifecycle lifecycle, Pid pid) {
    }
}

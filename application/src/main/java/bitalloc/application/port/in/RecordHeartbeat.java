package bitalloc.application.port.in;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.Lifecycle;

/** A task script says it is alive; handled at once, whatever the back-off. */
public interface RecordHeartbeat {

    void heartbeat(Command command);

    record Command(Pid pid, String script, HostName target, Lifecycle lifecycle) {
    }
}

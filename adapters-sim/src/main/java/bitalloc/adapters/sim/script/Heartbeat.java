package bitalloc.adapters.sim.script;

import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** A task script saying it is alive: pid, script, target and lifecycle (its first one confirms the launch). */
public record Heartbeat(HostName host, Pid pid, String script, HostName target, Lifecycle lifecycle) {
}

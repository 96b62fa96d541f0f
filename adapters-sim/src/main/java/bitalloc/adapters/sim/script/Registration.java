package bitalloc.adapters.sim.script;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/** A core service's declaration of the RAM it holds. */
public record Registration(HostName host, Pid pid, String script, Ram ram) {
}

package bitalloc.domain.selection;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/** One running filler process and the RAM it holds on its host. */
public record Filler(Pid pid, HostName host, Ram ram) {
}

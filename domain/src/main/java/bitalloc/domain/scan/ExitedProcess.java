package bitalloc.domain.scan;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** A process seen at an earlier scan and gone at this one, with what it was, so callers need no heartbeat timeout. */
public record ExitedProcess(HostName host, Pid pid, String script, List<String> args, Ram ram,
                            ProcessOrigin origin) {
}

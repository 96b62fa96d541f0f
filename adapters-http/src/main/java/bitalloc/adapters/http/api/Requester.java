package bitalloc.adapters.http.api;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;

/** The process asking for RAM: its pid and the host it runs on. */
public record Requester(Pid pid, HostName host) {
}

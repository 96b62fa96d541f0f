package bitalloc.adapters.http.api;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;

/** A command for the in-game agent, which runs it with exec or kill and reports the result. */
public sealed interface AgentCommand {

    CommandId id();

    record Launch(CommandId id, HostName host, ScriptPath filename, int threads, List<String> args)
            implements AgentCommand {
    }

    record Kill(CommandId id, Pid pid) implements AgentCommand {
    }
}

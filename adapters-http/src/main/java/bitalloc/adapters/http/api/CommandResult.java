package bitalloc.adapters.http.api;

import bitalloc.domain.process.Pid;
import io.vavr.control.Option;

/** What the agent reports after running a command: the pid it started or killed, or why it could not. */
public sealed interface CommandResult {

    record Succeeded(Pid pid) implements CommandResult {
    }

    record Failed(Failure failure, Option<String> detail) implements CommandResult {
    }

    /** The game's reasons, as the agent can tell them apart. */
    enum Failure {
        NOT_ENOUGH_RAM,
        SCRIPT_MISSING,
        NO_ROOT,
        UNREACHABLE,
        NO_SUCH_PROCESS,
        OTHER
    }
}

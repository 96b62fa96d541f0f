package bitalloc.application.port.out;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Starts and kills scripts in the game. */
public interface Launcher {

    /** Starts {@code script} on {@code host}; the game answers with a pid, or pid 0 and a log line on failure. */
    Either<LaunchFailure, Pid> launch(HostName host, String script, int threads, List<String> args);

    /** Kills a process wherever it runs; false when no such process exists. */
    boolean kill(Pid pid);

    /**
     * True when a kill that returned true has already freed the process's RAM (the game's own ns.kill does); false
     * when the kill is only on its way (a remote agent runs it later), so only a scan can tell it is done.
     */
    default boolean killsAtOnce() {
        return false;
    }

    /** Why the game refused to start a script. */
    enum LaunchFailure {
        NOT_ENOUGH_RAM,
        SCRIPT_MISSING,
        NO_ROOT,
        UNREACHABLE
    }
}

package bitalloc.adapters.sim.network;

/** Why a process left its host's process table. */
public enum ExitCause {
    /** its main returned. */
    FINISHED,
    /** someone called kill; atExit handlers run. */
    KILLED,
    /** it threw: no clean-up message reaches bitalloc. */
    CRASHED,
    /** the game page reloaded: every process is gone at once and nothing runs on the way out. */
    RELOAD
}

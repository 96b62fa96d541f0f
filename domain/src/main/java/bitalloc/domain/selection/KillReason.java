package bitalloc.domain.selection;

/** Why the selector asks for a task process to be killed. */
public enum KillReason {
    /** No heartbeat within the launch timeout and no scan showed the process running. */
    LAUNCH_TIMEOUT,
    /** The process runs but never sent a heartbeat within the heartbeat timeout. */
    SILENT,
    /** A confirmed task stopped sending heartbeats. */
    HEARTBEAT_TIMEOUT,
    /** The task's helpers could not get RAM; the target is planned again, smaller. */
    HELPERS_REFUSED,
    /** A second task script for a target that already has one. */
    DUPLICATE,
    /** A launch the selector had already given up on reported its pid late. */
    ABANDONED_LAUNCH
}

package bitalloc.adapters.sim.network;

/** What a simulated script does while it runs. Scheduled work must check {@link SimProcess#alive()} first. */
public interface ProcessBehaviour {

    /** Called once, right after the game gave the process its pid and booked its RAM. */
    void onStart(SimProcess process);

    /** Called once when the process has left the table (RAM already freed). */
    default void onEnd(SimProcess process, ExitCause cause) {
    }

    /** A behaviour for processes that do nothing but hold their RAM until killed. */
    ProcessBehaviour IDLE = process -> { };
}

package bitalloc.adapters.sim.network;

/** Ground-truth notifications from the game network, for metrics and tests. All default to doing nothing. */
public interface NetworkObserver {

    /** The host's RAM split changed (process start or end, share held or dropped, reload). */
    default void hostRamChanged(SimHost host) {
    }

    default void processStarted(SimProcess process) {
    }

    default void processEnded(SimProcess process, ExitCause cause) {
    }

    /**
     * A start (or share) was refused for lack of RAM.
     *
     * @param bitallocHeldTheRam true when the start would have fit had bitalloc's processes not held RAM
     */
    default void startRefused(SimHost host, Owner owner, long neededHundredths, boolean bitallocHeldTheRam) {
    }

    default void shareHeld(SimHost host, long ramHundredths) {
    }

    default void gameReloaded() {
    }
}

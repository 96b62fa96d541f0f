package bitalloc.adapters.sim.network;

/** Who really started a process: the simulator's ground truth, whatever the allocator believes. */
public enum Owner {
    /** bitalloc's own processes: core services, task scripts and their helpers (tagged or not). */
    BITALLOC,
    /** the player's scripts, started by hand or by the player's own automation. */
    PLAYER
}

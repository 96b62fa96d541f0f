package bitalloc.adapters.sim.script;

/** What one of bitalloc's scripts is for; decides the behaviour the simulator gives it. */
public enum ScriptRole {
    TILL_TASK,
    SOW_TASK,
    HARVEST_TASK,
    HACK_HELPER,
    GROW_HELPER,
    WEAKEN_HELPER,
    CORE_SERVICE,
    /** Holds spare RAM until stopped (a weaken loop for experience; the simulator models neither effect). */
    FILLER
}

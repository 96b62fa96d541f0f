package bitalloc.adapters.sim.script;

/** Hints of an allocation request (DESIGN.md A2). */
public enum AllocationFlag {
    CONTIGUOUS,
    CORE_DEPENDENT,
    SHRINKABLE,
    LONG_RUNNING
}

package bitalloc.adapters.sim.script;

/** So many threads of one helper script, as a task script plans them. */
record HelperOrder(ScriptSpec helper, long threads) {
}

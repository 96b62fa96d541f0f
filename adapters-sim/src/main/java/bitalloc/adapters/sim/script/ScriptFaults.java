package bitalloc.adapters.sim.script;

/** Where faults enter bitalloc's scripts; the simulator's fault injector implements it. */
public interface ScriptFaults {

    /** Called when a task script starts; may schedule a crash or a hang of it. */
    void planTask(TaskScript task);

    /** Whether the helper about to be started forgets its {@code --allocId} tag. */
    boolean helperLosesTag();

    ScriptFaults NONE = new ScriptFaults() {
        @Override
        public void planTask(TaskScript task) {
        }

        @Override
        public boolean helperLosesTag() {
            return false;
        }
    };
}

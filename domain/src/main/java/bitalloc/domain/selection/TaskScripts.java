package bitalloc.domain.selection;

import bitalloc.domain.ram.Ram;

/** The task script that runs each lifecycle phase. */
public record TaskScripts(TaskScript till, TaskScript sow, TaskScript harvest) {

    /**
     * till.js, sow.js, harvest.js at 3.00 GB each: the 1.6 GB base plus exec (1.3 GB) for their helpers, rounded
     * up. Set the measured value (ns.getScriptRam) when the scripts differ.
     */
    public static final TaskScripts DEFAULT = new TaskScripts(
            new TaskScript("till.js", Ram.parse("3.00")),
            new TaskScript("sow.js", Ram.parse("3.00")),
            new TaskScript("harvest.js", Ram.parse("3.00")));

    public TaskScript forLifecycle(Lifecycle lifecycle) {
        return switch (lifecycle) {
            case TILL -> till;
            case SOW -> sow;
            case HARVEST -> harvest;
        };
    }
}

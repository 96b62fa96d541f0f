package bitalloc.adapters.sim.script;

import bitalloc.domain.host.HostName;

/** Ground-truth notifications from bitalloc's simulated scripts, for metrics. */
public interface ScriptObserver {

    default void moneyEarned(HostName target, double amount) {
    }

    default void taskScriptStarted(ScriptRole role) {
    }

    default void allocationRefused(AllocationRequest request, AllocationRefusal refusal) {
    }

    default void taskCrashed(TaskScript task) {
    }

    default void taskHung(TaskScript task) {
    }

    /** A task script found its granted host too full just before exec and gave the chunks back instead. */
    default void execAverted() {
    }

    default void helperLostTag() {
    }

    default void badArguments(String script) {
    }

    ScriptObserver NONE = new ScriptObserver() {
    };
}

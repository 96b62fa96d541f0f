package bitalloc.domain.selection;

/** Why the game refused to start a task script. */
public enum LaunchFailureReason {
    NOT_ENOUGH_RAM,
    SCRIPT_MISSING,
    NO_ROOT,
    UNREACHABLE;

    /** A refusal for lack of RAM slows further launches like a helper refusal does. */
    boolean isRamShortage() {
        return this == NOT_ENOUGH_RAM;
    }
}

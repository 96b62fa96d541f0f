package bitalloc.domain.selection;

/** The phase a target is in; each phase runs one task script. */
public enum Lifecycle {
    /** Lower security to its minimum (weaken). */
    TILL,
    /** Grow money to its maximum (grow, plus the weakens the grows need). */
    SOW,
    /** Run hack/weaken/grow/weaken batches on a prepared server. */
    HARVEST
}

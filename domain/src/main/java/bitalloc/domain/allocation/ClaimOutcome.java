package bitalloc.domain.allocation;

/** What a successful claim did. */
public sealed interface ClaimOutcome {

    Claim claim();

    record Claimed(AllocationId id, Claim claim) implements ClaimOutcome {
    }

    /** The same pid already claimed exactly this; nothing changed. */
    record AlreadyClaimed(AllocationId id, Claim claim) implements ClaimOutcome {
    }
}

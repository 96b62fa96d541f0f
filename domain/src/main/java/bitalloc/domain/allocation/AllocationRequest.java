package bitalloc.domain.allocation;

import bitalloc.domain.ram.Ram;

/**
 * A request for {@code chunkCount} chunks of {@code chunkSize} (DESIGN A2).
 *
 * @param contiguous    prefer a single host for every chunk
 * @param coreDependent prefer hosts with more cores (home first): grow and weaken scale with cores
 * @param shrinkable    a partial grant is acceptable when not every chunk fits
 * @param longRunning   prefer network servers, then purchased servers, home last
 */
public record AllocationRequest(Requester requester, String script, Ram chunkSize, int chunkCount,
                                boolean contiguous, boolean coreDependent, boolean shrinkable,
                                boolean longRunning) {
    public AllocationRequest {
        if (requester == null) {
            throw new IllegalArgumentException("a request needs a requester");
        }
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("a request needs a script");
        }
        if (chunkSize == null || chunkSize.isZero()) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        if (chunkCount < 1) {
            throw new IllegalArgumentException("chunk count must be at least 1: " + chunkCount);
        }
    }

    /** A request with no placement preference and no partial grant. */
    public static AllocationRequest of(Requester requester, String script, Ram chunkSize, int chunkCount) {
        return new AllocationRequest(requester, script, chunkSize, chunkCount, false, false, false, false);
    }

    public Ram totalRam() {
        return chunkSize.times(chunkCount);
    }

    public AllocationRequest asContiguous() {
        return new AllocationRequest(requester, script, chunkSize, chunkCount, true, coreDependent, shrinkable,
                longRunning);
    }

    public AllocationRequest asCoreDependent() {
        return new AllocationRequest(requester, script, chunkSize, chunkCount, contiguous, true, shrinkable,
                longRunning);
    }

    public AllocationRequest asShrinkable() {
        return new AllocationRequest(requester, script, chunkSize, chunkCount, contiguous, coreDependent, true,
                longRunning);
    }

    public AllocationRequest asLongRunning() {
        return new AllocationRequest(requester, script, chunkSize, chunkCount, contiguous, coreDependent,
                shrinkable, true);
    }
}

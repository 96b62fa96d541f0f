package bitalloc.adapters.http.api;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;

/**
 * Why a valid command was not carried out. The adapter maps {@link NotFound} to 404 and {@link Refusal} to 409,
 * each with its own problem type; nothing changed when a failure is returned.
 */
public sealed interface ApiFailure {

    /** Something named in the request does not exist (any more). */
    sealed interface NotFound extends ApiFailure {
    }

    record UnknownAllocation(AllocationId allocation) implements NotFound {
    }

    record UnknownClaim(AllocationId allocation, Pid pid) implements NotFound {
    }

    record UnknownRegistration(HostName host, Pid pid) implements NotFound {
    }

    record UnknownCommand(CommandId command) implements NotFound {
    }

    /** The request was understood but the rules refuse it; the numbers let the caller adapt. */
    sealed interface Refusal extends ApiFailure {
    }

    /** No host has any effective free RAM. */
    record NothingFree(Ram requested) implements Refusal {
    }

    /** Some RAM is free, but less than requested and the request is not shrinkable. */
    record NotEnoughFree(Ram requested, Ram available) implements Refusal {
    }

    /** No host could ever hold one chunk, even empty. */
    record ChunkLargerThanAnyHost(Ram chunkSize, Ram largestHost) implements Refusal {
    }

    /** A claim for more chunks on a host than the allocation's grant there leaves unclaimed. */
    record ClaimExceedsGrant(HostName host, int requestedChunks, int unclaimedChunks) implements Refusal {
    }

    /** A release of more chunks than the allocation holds: reported, never clamped (DESIGN.md A3). */
    record ReleaseExceedsGrant(int requestedChunks, int heldChunks) implements Refusal {
    }

    /** The pid already runs inside another allocation; a process belongs to one allocation only. */
    record PidClaimedElsewhere(Pid pid, AllocationId claimedBy) implements Refusal {
    }

    /** Chunks that live claims still label cannot be freed; release the claims first. */
    record ChunksStillClaimed(HostName host, int requestedChunks, int unclaimedChunks) implements Refusal {
    }

    /** The tag does not belong to the allocation it names, or fails its checksum. */
    record ForgedTag(AllocationTag tag) implements Refusal {
    }

    /** The pid is already registered on that host with a different script or RAM. */
    record ConflictingRegistration(HostName host, Pid pid) implements Refusal {
    }

    /** The agent already reported a result for this command. */
    record ResultAlreadyReported(CommandId command) implements Refusal {
    }
}

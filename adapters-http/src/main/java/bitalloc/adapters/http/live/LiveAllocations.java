package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.AllocationApi;
import bitalloc.adapters.http.api.AllocationTag;
import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.Commands.Claim;
import bitalloc.adapters.http.api.Commands.ReleaseAllocation;
import bitalloc.adapters.http.api.Commands.ReleaseChunks;
import bitalloc.adapters.http.api.Commands.ReleaseClaim;
import bitalloc.adapters.http.api.Outcomes.Change;
import bitalloc.adapters.http.api.Outcomes.Claimed;
import bitalloc.adapters.http.api.Outcomes.Granted;
import bitalloc.adapters.http.api.Outcomes.HostGrant;
import bitalloc.adapters.http.api.Outcomes.Released;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.in.QueryAllocations;
import bitalloc.application.port.in.ReleaseRam;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.ClaimOutcome;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.ReleaseOutcome;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.tag.AllocationTags;
import bitalloc.domain.tag.TagReading;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;

/**
 * Allocate, claim and release over the use cases. A grant answers the tag as the one argument children carry
 * ({@code --allocId=<id>}, with its checksum when a tag key is set); a claim must present that tag, and one that
 * is malformed, fails its checksum or names another allocation is refused as forged.
 */
public final class LiveAllocations implements AllocationApi {

    private final PushedGame game;
    private final Duration firstScanPatience;
    private final AllocateRam allocate;
    private final ClaimRam claim;
    private final ReleaseRam release;
    private final QueryAllocations query;
    private final AllocationTags tags;

    public LiveAllocations(PushedGame game, Duration firstScanPatience, AllocateRam allocate, ClaimRam claim,
                           ReleaseRam release, QueryAllocations query, AllocationTags tags) {
        this.game = game;
        this.firstScanPatience = firstScanPatience;
        this.allocate = allocate;
        this.claim = claim;
        this.release = release;
        this.query = query;
        this.tags = tags;
    }

    /**
     * Right after a start, scripts ask for RAM before the agent's first scan has shown any host; the request waits
     * for that scan (bounded) instead of being refused for RAM nobody has looked at yet.
     */
    @Override
    public Either<ApiFailure, Granted> allocate(AllocationRequest request) {
        game.awaitFirstScan(firstScanPatience);
        return allocate.allocate(new AllocateRam.Command(request))
                .mapLeft(refused -> failure(refused, request.totalRam()))
                .map(allocation -> new Granted(allocation.id(), new AllocationTag(tags.tagArgument(allocation.id())),
                        allocation.grants().map(grant -> new HostGrant(grant.host(), grant.chunkSize(),
                                grant.chunks()))));
    }

    @Override
    public Either<ApiFailure, Claimed> claim(Claim command) {
        TagReading reading = tags.read(List.of(tagArgument(command.tag())));
        if (!(reading instanceof TagReading.Tagged tagged) || !tagged.id().equals(command.allocation())) {
            return Either.left(new ApiFailure.ForgedTag(command.tag()));
        }
        return claim.claim(new ClaimRam.Command(command.allocation(), command.host(), command.pid(),
                        command.numChunks()))
                .mapLeft(refused -> failure(refused, Ram.ZERO))
                .map(outcome -> new Claimed(command.allocation(), command.pid(), command.host(), command.numChunks(),
                        outcome instanceof ClaimOutcome.Claimed ? Change.CHANGED : Change.UNCHANGED));
    }

    @Override
    public Either<ApiFailure, Released> releaseClaim(ReleaseClaim command) {
        return released(release.release(new ReleaseRam.ReleaseClaim(command.allocation(), command.pid())));
    }

    @Override
    public Either<ApiFailure, Released> releaseChunks(ReleaseChunks command) {
        if (command.host().isDefined()) {
            return released(release.release(new ReleaseRam.ReleaseChunks(command.allocation(),
                    command.host().get(), command.numChunks())));
        }
        return query.allocations().find(allocation -> allocation.id().equals(command.allocation()))
                .toEither(() -> (ApiFailure) new ApiFailure.UnknownAllocation(command.allocation()))
                .flatMap(allocation -> releaseUnclaimed(allocation, command.numChunks()));
    }

    /** Without a host, the unclaimed chunks go back from the last grant first, the order placement filled them. */
    private Either<ApiFailure, Released> releaseUnclaimed(Allocation allocation, int chunks) {
        List<Tuple2<HostName, Integer>> plan = List.empty();
        int left = chunks;
        for (Grant grant : allocation.grants().reverse()) {
            int take = Math.min(left, grant.chunks() - allocation.claimedChunksOn(grant.host()));
            if (take > 0) {
                plan = plan.append(Tuple.of(grant.host(), take));
                left -= take;
            }
        }
        if (left > 0) {
            return Either.left(new ApiFailure.ReleaseExceedsGrant(chunks, chunks - left));
        }
        Ram freed = Ram.ZERO;
        for (Tuple2<HostName, Integer> step : plan) {
            Either<ApiFailure, Released> done = released(release.release(
                    new ReleaseRam.ReleaseChunks(allocation.id(), step._1, step._2)));
            if (done.isLeft()) {
                return done;
            }
            freed = freed.plus(done.get().freed());
        }
        return Either.right(new Released(Change.CHANGED, freed));
    }

    @Override
    public Either<ApiFailure, Released> release(ReleaseAllocation command) {
        return released(release.release(new ReleaseRam.ReleaseAllocation(command.allocation())));
    }

    private static Either<ApiFailure, Released> released(Either<AllocationRefused, ReleaseOutcome> outcome) {
        return outcome.mapLeft(refused -> failure(refused, Ram.ZERO)).map(LiveAllocations::released);
    }

    private static Released released(ReleaseOutcome outcome) {
        if (outcome instanceof ReleaseOutcome.Released freed) {
            return new Released(Change.CHANGED, freed.freed().foldLeft(Ram.ZERO, (sum, grant) -> sum.plus(grant.ram())));
        }
        if (outcome instanceof ReleaseOutcome.ClaimReleased) {
            return new Released(Change.CHANGED, Ram.ZERO);
        }
        // AlreadyReleased, NoSuchClaim: a repeated release changes nothing and says so.
        return new Released(Change.UNCHANGED, Ram.ZERO);
    }

    /** Every refusal with its numbers; {@code requested} is the whole request's RAM for allocation refusals. */
    static ApiFailure failure(AllocationRefused refused, Ram requested) {
        if (refused instanceof AllocationRefused.NothingFree) {
            return new ApiFailure.NothingFree(requested);
        }
        if (refused instanceof AllocationRefused.NotEnoughFree f) {
            return new ApiFailure.NotEnoughFree(f.requested(), f.available());
        }
        if (refused instanceof AllocationRefused.ChunkLargerThanAnyHost f) {
            return new ApiFailure.ChunkLargerThanAnyHost(f.chunk(), f.largestHostCapacity());
        }
        if (refused instanceof AllocationRefused.UnknownAllocation f) {
            return new ApiFailure.UnknownAllocation(f.id());
        }
        if (refused instanceof AllocationRefused.ClaimExceedsGrant f) {
            return new ApiFailure.ClaimExceedsGrant(f.host(), f.requestedChunks(), f.unclaimedChunks());
        }
        if (refused instanceof AllocationRefused.PidClaimedElsewhere f) {
            return new ApiFailure.PidClaimedElsewhere(f.pid(), f.claimedBy());
        }
        if (refused instanceof AllocationRefused.OverFree f) {
            return new ApiFailure.ReleaseExceedsGrant(f.requestedChunks(), f.grantedChunks());
        }
        AllocationRefused.ChunksStillClaimed f = (AllocationRefused.ChunksStillClaimed) refused;
        return new ApiFailure.ChunksStillClaimed(f.host(), f.requestedChunks(), f.unclaimedChunks());
    }

    /** The claim's tag as the argument children carry; a bare value is accepted and prefixed. */
    private static String tagArgument(AllocationTag tag) {
        String value = tag.value();
        return value.startsWith(AllocationTags.FLAG + "=") ? value : AllocationTags.FLAG + "=" + value;
    }
}

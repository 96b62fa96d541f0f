package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Commands.Claim;
import bitalloc.adapters.http.api.Commands.ReleaseAllocation;
import bitalloc.adapters.http.api.Commands.ReleaseChunks;
import bitalloc.adapters.http.api.Commands.ReleaseClaim;
import bitalloc.adapters.http.api.Outcomes.Claimed;
import bitalloc.adapters.http.api.Outcomes.Granted;
import bitalloc.adapters.http.api.Outcomes.Released;
import bitalloc.domain.allocation.AllocationRequest;
import io.vavr.control.Either;

/** Allocate, claim and release RAM (DESIGN.md A2, A3). */
public interface AllocationApi {

    Either<ApiFailure, Granted> allocate(AllocationRequest request);

    Either<ApiFailure, Claimed> claim(Claim command);

    Either<ApiFailure, Released> releaseClaim(ReleaseClaim command);

    Either<ApiFailure, Released> releaseChunks(ReleaseChunks command);

    Either<ApiFailure, Released> release(ReleaseAllocation command);
}

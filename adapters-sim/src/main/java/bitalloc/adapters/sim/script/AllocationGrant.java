package bitalloc.adapters.sim.script;

import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;

/** A granted allocation: its id (the tag children carry) and where its chunks are. */
public record AllocationGrant(AllocationId id, List<GrantedChunks> parts) {

    public long chunks() {
        return parts.map(GrantedChunks::chunks).sum().longValue();
    }
}

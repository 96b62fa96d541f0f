package bitalloc.adapters.sim.script;

import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;

/** A granted allocation: its id, the tag argument its children carry (as bitalloc wrote it), where its chunks are. */
public record AllocationGrant(AllocationId id, String tag, List<GrantedChunks> parts) {

    public long chunks() {
        return parts.map(GrantedChunks::chunks).sum().longValue();
    }
}

package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/** An allocation as it stood when read: its grants in placement order and the claims labelling them. */
public record Allocation(AllocationId id, AllocationRequest request, List<Grant> grants, List<Claim> claims,
                         GameSession session, Instant createdAt) {

    public Ram chunkSize() {
        return request.chunkSize();
    }

    public int chunks() {
        return grants.map(Grant::chunks).sum().intValue();
    }

    public Ram ram() {
        return chunkSize().times(chunks());
    }

    public Option<Grant> grantOn(HostName host) {
        return grants.find(grant -> grant.host().equals(host));
    }

    public int claimedChunksOn(HostName host) {
        return claims.filter(claim -> claim.host().equals(host)).map(Claim::chunks).sum().intValue();
    }
}

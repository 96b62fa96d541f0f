package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION;
import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_CLAIM;
import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_GRANT;

import bitalloc.adapters.persistence.generated.tables.records.AllocationClaimRecord;
import bitalloc.adapters.persistence.generated.tables.records.AllocationGrantRecord;
import bitalloc.adapters.persistence.generated.tables.records.AllocationRecord;
import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredAllocation.RequestFlag;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import org.jooq.DSLContext;

/** {@link StoredAllocation} to and from the {@code allocation}, {@code allocation_grant} and claim tables. */
final class AllocationMapper {

    private AllocationMapper() {
    }

    static AllocationRecord toRecord(DSLContext dsl, StoredAllocation allocation) {
        AllocationRecord r = dsl.newRecord(ALLOCATION);
        r.setAllocationId(allocation.id().value());
        r.setGameSession(allocation.session().value());
        r.setRequester(allocation.requester());
        r.setScript(allocation.script());
        r.setFlags(TreeSet.ofAll(allocation.flags()).map(RequestFlag::name).mkString(","));
        r.setGrantedAt(Times.stored(allocation.grantedAt()));
        r.setProcessesGoneSince(allocation.processesGoneSince().map(Times::stored).getOrNull());
        return r;
    }

    static List<AllocationGrantRecord> grantRecords(DSLContext dsl, StoredAllocation allocation) {
        return allocation.grants().map(grant -> grantRecord(dsl, allocation.id(), grant));
    }

    static AllocationGrantRecord grantRecord(DSLContext dsl, AllocationId allocation, ChunkGrant grant) {
        AllocationGrantRecord r = dsl.newRecord(ALLOCATION_GRANT);
        r.setAllocationId(allocation.value());
        r.setHost(grant.host().value());
        r.setChunkSize(grant.chunkSize().hundredths());
        r.setChunks(grant.chunks());
        return r;
    }

    static List<AllocationClaimRecord> claimRecords(DSLContext dsl, StoredAllocation allocation) {
        return allocation.claims().map(claim -> claimRecord(dsl, allocation.id(), claim));
    }

    static AllocationClaimRecord claimRecord(DSLContext dsl, AllocationId allocation, StoredClaim claim) {
        AllocationClaimRecord r = dsl.newRecord(ALLOCATION_CLAIM);
        r.setAllocationId(allocation.value());
        r.setGameSession(claim.session().value());
        r.setPid(claim.pid().value());
        r.setHost(claim.host().value());
        r.setChunkSize(claim.chunkSize().hundredths());
        r.setChunks(claim.chunks());
        return r;
    }

    static StoredAllocation fromRecords(AllocationRecord r, List<AllocationGrantRecord> grants,
                                        List<AllocationClaimRecord> claims) {
        return new StoredAllocation(new AllocationId(r.getAllocationId()), new GameSession(r.getGameSession()),
                r.getRequester(), r.getScript(), flags(r.getFlags()), Times.instant(r.getGrantedAt()),
                grants.map(g -> new ChunkGrant(HostName.of(g.getHost()), Ram.ofHundredths(g.getChunkSize()),
                        g.getChunks())),
                claims.map(c -> new StoredClaim(new GameSession(c.getGameSession()), Pid.of(c.getPid()),
                        HostName.of(c.getHost()), Ram.ofHundredths(c.getChunkSize()), c.getChunks())),
                Option.of(r.getProcessesGoneSince()).map(Times::instant));
    }

    private static Set<RequestFlag> flags(String stored) {
        return stored.isEmpty() ? TreeSet.empty() : TreeSet.of(stored.split(",")).map(RequestFlag::valueOf);
    }
}

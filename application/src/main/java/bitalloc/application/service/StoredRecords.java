package bitalloc.application.service;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredAllocation.RequestFlag;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Claim;
import bitalloc.domain.allocation.Grant;
import bitalloc.domain.allocation.Registration;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/** Maps the allocator's aggregates to the store's records and back; the one place that knows both shapes. */
final class StoredRecords {

    private StoredRecords() {
    }

    static StoredAllocation toStored(Allocation allocation) {
        AllocationRequest request = allocation.request();
        return new StoredAllocation(allocation.id(), allocation.session(), requesterText(request.requester()),
                request.script(), flags(request), allocation.createdAt(),
                allocation.grants().map(StoredRecords::toStored),
                allocation.claims().map(claim -> toStored(claim, request.chunkSize())),
                Option.none());
    }

    static StoredClaim toStored(Claim claim, Ram chunkSize) {
        return new StoredClaim(claim.session(), claim.pid(), claim.host(), chunkSize, claim.chunks());
    }

    static ChunkGrant toStored(Grant grant) {
        return new ChunkGrant(grant.host(), grant.chunkSize(), grant.chunks());
    }

    static Allocation fromStored(StoredAllocation stored) {
        List<Grant> grants = stored.grants().map(g -> new Grant(g.host(), g.chunkSize(), g.chunks()));
        AllocationRequest request = new AllocationRequest(requester(stored.requester()), stored.script(),
                grants.head().chunkSize(), grants.map(Grant::chunks).sum().intValue(),
                stored.flags().contains(RequestFlag.CONTIGUOUS), stored.flags().contains(RequestFlag.CORE_DEPENDENT),
                stored.flags().contains(RequestFlag.SHRINKABLE), stored.flags().contains(RequestFlag.LONG_RUNNING));
        List<Claim> claims = stored.claims()
                .map(c -> new Claim(c.host(), c.pid(), c.chunks(), c.session(), stored.grantedAt()));
        return new Allocation(stored.id(), request, grants, claims, stored.session(), stored.grantedAt());
    }

    static StoredRegistration toStored(Registration registration, String script) {
        return new StoredRegistration(registration.session(), registration.pid(), registration.host(), script,
                registration.ram(), registration.registeredAt(), Option.none());
    }

    static Registration fromStored(StoredRegistration stored) {
        return new Registration(stored.host(), stored.pid(), stored.ram(), stored.session(), stored.registeredAt());
    }

    /** "host:pid"; the pid is numeric, so the last colon splits it even if a player put colons in a host name. */
    static String requesterText(Requester requester) {
        return requester.host().value() + ":" + requester.pid().value();
    }

    static Requester requester(String text) {
        int split = text.lastIndexOf(':');
        if (split <= 0) {
            throw new IllegalStateException("stored requester is not host:pid: '" + text + "'");
        }
        return new Requester(HostName.of(text.substring(0, split)),
                Pid.of(Long.parseLong(text.substring(split + 1))));
    }

    private static Set<RequestFlag> flags(AllocationRequest request) {
        Set<RequestFlag> flags = HashSet.empty();
        if (request.contiguous()) {
            flags = flags.add(RequestFlag.CONTIGUOUS);
        }
        if (request.coreDependent()) {
            flags = flags.add(RequestFlag.CORE_DEPENDENT);
        }
        if (request.shrinkable()) {
            flags = flags.add(RequestFlag.SHRINKABLE);
        }
        if (request.longRunning()) {
            flags = flags.add(RequestFlag.LONG_RUNNING);
        }
        return flags;
    }
}

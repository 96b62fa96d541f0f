package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * The durable state kept in memory, for tests and for runs without a database. Transactions hold the store's
 * lock for the whole unit of work and restore the previous state if the work throws.
 */
public final class InMemoryStateStore implements StateStore, Transactions {

    private StateContents contents = StateContents.EMPTY;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        StateContents before = contents;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            contents = before;
            throw e;
        }
    }

    @Override
    public synchronized void saveHost(StoredHost host) {
        contents = contents.withHost(host);
    }

    @Override
    public synchronized void removeHost(HostName host) {
        contents = contents.withoutHost(host);
    }

    @Override
    public synchronized void saveRegistration(StoredRegistration registration) {
        contents = contents.withRegistration(registration);
    }

    @Override
    public synchronized void removeRegistration(GameSession session, Pid pid) {
        contents = contents.withoutRegistration(session, pid);
    }

    @Override
    public synchronized void saveAllocation(StoredAllocation allocation) {
        contents = contents.withAllocation(allocation);
    }

    @Override
    public synchronized void removeAllocation(AllocationId id) {
        contents = contents.withoutAllocation(id);
    }

    @Override
    public synchronized void saveGrant(AllocationId allocation, ChunkGrant grant) {
        contents = contents.withGrant(allocation, grant);
    }

    @Override
    public synchronized void removeGrant(AllocationId allocation, HostName host, Ram chunkSize) {
        contents = contents.withoutGrant(allocation, host, chunkSize);
    }

    @Override
    public synchronized void saveClaim(AllocationId allocation, StoredClaim claim) {
        contents = contents.withClaim(allocation, claim);
    }

    @Override
    public synchronized void removeClaim(GameSession session, Pid pid) {
        contents = contents.withoutClaim(session, pid);
    }

    @Override
    public synchronized void saveTask(StoredTask task) {
        contents = contents.withTask(task);
    }

    @Override
    public synchronized void removeTask(HostName target) {
        contents = contents.withoutTask(target);
    }

    @Override
    public synchronized void savePendingLaunch(StoredPendingLaunch launch) {
        contents = contents.withPendingLaunch(launch);
    }

    @Override
    public synchronized void removePendingLaunch(HostName target) {
        contents = contents.withoutPendingLaunch(target);
    }

    @Override
    public synchronized void saveBackoff(StoredBackoff backoff) {
        contents = contents.withBackoff(Option.some(backoff));
    }

    @Override
    public synchronized void clearBackoff() {
        contents = contents.withBackoff(Option.none());
    }

    @Override
    public synchronized DurableState load() {
        return contents.load();
    }
}

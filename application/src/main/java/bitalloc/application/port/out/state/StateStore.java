package bitalloc.application.port.out.state;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;

/**
 * The durable state. Every call is committed when it returns, unless it runs inside
 * {@link Transactions#inTransaction}, where it commits with the whole unit of work. A change acknowledged to a
 * client must therefore be saved before the acknowledgement is sent.
 *
 * <p>Saves are upserts by key; removing something absent changes nothing.
 */
public interface StateStore {

    void saveHost(StoredHost host);

    void removeHost(HostName host);

    void saveRegistration(StoredRegistration registration);

    void removeRegistration(GameSession session, Pid pid);

    /** Replaces the allocation with its grants and claims as given. */
    void saveAllocation(StoredAllocation allocation);

    void removeAllocation(AllocationId id);

    void saveTask(StoredTask task);

    void removeTask(HostName target);

    void savePendingLaunch(StoredPendingLaunch launch);

    void removePendingLaunch(HostName target);

    void saveBackoff(StoredBackoff backoff);

    void clearBackoff();

    /** Everything saved so far, for recovery. */
    DurableState load();
}

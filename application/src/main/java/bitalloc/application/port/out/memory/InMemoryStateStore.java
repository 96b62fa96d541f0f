package bitalloc.application.port.out.memory;

import bitalloc.application.port.out.state.DurableState;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * The durable state kept in memory, for tests and for runs without a database. Transactions hold the store's
 * lock for the whole unit of work and restore the previous state if the work throws.
 */
public final class InMemoryStateStore implements StateStore, Transactions {

    private record Contents(Map<HostName, StoredHost> hosts,
                            Map<Tuple2<GameSession, Pid>, StoredRegistration> registrations,
                            Map<AllocationId, StoredAllocation> allocations, Map<HostName, StoredTask> tasks,
                            Map<HostName, StoredPendingLaunch> pendingLaunches, Option<StoredBackoff> backoff) {
    }

    private Contents contents = new Contents(HashMap.empty(), HashMap.empty(), HashMap.empty(), HashMap.empty(),
            HashMap.empty(), Option.none());

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        Contents before = contents;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            contents = before;
            throw e;
        }
    }

    @Override
    public synchronized void saveHost(StoredHost host) {
        contents = new Contents(contents.hosts.put(host.host(), host), contents.registrations, contents.allocations,
                contents.tasks, contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void removeHost(HostName host) {
        contents = new Contents(contents.hosts.remove(host), contents.registrations, contents.allocations,
                contents.tasks, contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void saveRegistration(StoredRegistration registration) {
        contents = new Contents(contents.hosts,
                contents.registrations.put(Tuple.of(registration.session(), registration.pid()), registration),
                contents.allocations, contents.tasks, contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void removeRegistration(GameSession session, Pid pid) {
        contents = new Contents(contents.hosts, contents.registrations.remove(Tuple.of(session, pid)),
                contents.allocations, contents.tasks, contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void saveAllocation(StoredAllocation allocation) {
        contents = new Contents(contents.hosts, contents.registrations,
                contents.allocations.put(allocation.id(), allocation), contents.tasks, contents.pendingLaunches,
                contents.backoff);
    }

    @Override
    public synchronized void removeAllocation(AllocationId id) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations.remove(id),
                contents.tasks, contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void saveTask(StoredTask task) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations,
                contents.tasks.put(task.target(), task), contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void removeTask(HostName target) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations,
                contents.tasks.remove(target), contents.pendingLaunches, contents.backoff);
    }

    @Override
    public synchronized void savePendingLaunch(StoredPendingLaunch launch) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations, contents.tasks,
                contents.pendingLaunches.put(launch.target(), launch), contents.backoff);
    }

    @Override
    public synchronized void removePendingLaunch(HostName target) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations, contents.tasks,
                contents.pendingLaunches.remove(target), contents.backoff);
    }

    @Override
    public synchronized void saveBackoff(StoredBackoff backoff) {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations, contents.tasks,
                contents.pendingLaunches, Option.some(backoff));
    }

    @Override
    public synchronized void clearBackoff() {
        contents = new Contents(contents.hosts, contents.registrations, contents.allocations, contents.tasks,
                contents.pendingLaunches, Option.none());
    }

    @Override
    public synchronized DurableState load() {
        return DurableState.of(contents.hosts.values(), contents.registrations.values(),
                contents.allocations.values(), contents.tasks.values(), contents.pendingLaunches.values(),
                contents.backoff);
    }
}

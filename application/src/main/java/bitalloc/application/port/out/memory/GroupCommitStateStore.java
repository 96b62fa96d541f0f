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
import io.vavr.Tuple2;
import io.vavr.control.Option;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The durable state kept in memory and committed to a slower durable store in groups. A save changes the copy in
 * memory and marks its key; {@link #awaitCommitted} writes what the marked keys now hold, all in one transaction of
 * the durable store, and returns when it is committed. Threads that wait together share one commit: whoever gets
 * to commit first takes everything saved so far, and the others find their changes already committed. Changes
 * that cancel out between two commits (a claim made and released) never reach the durable store at all.
 *
 * <p>Units of work run under this store's lock, and a commit takes its changes under the same lock, so a commit
 * never holds half a unit of work. A failed commit leaves its keys marked: the next commit writes them again.
 */
public final class GroupCommitStateStore implements StateStore, Transactions {

    private final StateStore durable;
    private final Transactions durableTransactions;
    private final ReentrantLock committing = new ReentrantLock();

    /** What the durable store holds, as of the last commit. */
    private StateContents committed;
    private StateContents contents;
    private Dirty dirty = new Dirty();
    private long saves;
    private volatile long committedSaves;
    private int deferring;

    /** Over {@code durable}, whose current state is loaded once here. */
    public GroupCommitStateStore(StateStore durable, Transactions durableTransactions) {
        this.durable = durable;
        this.durableTransactions = durableTransactions;
        this.committed = StateContents.of(durable.load());
        this.contents = committed;
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        StateContents before = contents;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            // The keys it marked stay marked: writing an unchanged value is harmless.
            contents = before;
            throw e;
        }
    }

    /**
     * Commits everything saved so far, unless commits are being deferred ({@link #deferringCommits}); when another
     * thread is committing, waits for it and commits whatever its commit did not take.
     */
    @Override
    public void awaitCommitted() {
        long mine;
        synchronized (this) {
            if (deferring > 0) {
                return;
            }
            mine = saves;
        }
        if (committedSaves >= mine) {
            return;
        }
        committing.lock();
        try {
            if (committedSaves < mine) {
                commitPending();
            }
        } finally {
            committing.unlock();
        }
    }

    /**
     * Runs {@code work} with every commit it asks for put off to its end, where all its changes commit at once. For
     * the simulator, whose clients live inside the same process: nothing outside can see an answer before the
     * commit, and a kill loses only a run that cannot be resumed anyway.
     */
    public <T> T deferringCommits(Supplier<T> work) {
        synchronized (this) {
            deferring++;
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                deferring--;
            }
            awaitCommitted();
        }
    }

    private void commitPending() {
        StateContents target;
        StateContents base = committed;
        Dirty taken;
        long upTo;
        synchronized (this) {
            target = contents;
            taken = dirty;
            dirty = new Dirty();
            upTo = saves;
        }
        try {
            durableTransactions.inTransaction(() -> new Changes(base, target, durable).write(taken));
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                dirty.addAll(taken);
            }
            throw e;
        }
        committed = target;
        committedSaves = upTo;
    }

    @Override
    public synchronized void saveHost(StoredHost host) {
        contents = contents.withHost(host);
        dirty.hosts.add(host.host());
        saves++;
    }

    @Override
    public synchronized void removeHost(HostName host) {
        contents = contents.withoutHost(host);
        dirty.hosts.add(host);
        saves++;
    }

    @Override
    public synchronized void saveRegistration(StoredRegistration registration) {
        contents = contents.withRegistration(registration);
        dirty.registrations.add(StateContents.process(registration.session(), registration.pid()));
        saves++;
    }

    @Override
    public synchronized void removeRegistration(GameSession session, Pid pid) {
        contents = contents.withoutRegistration(session, pid);
        dirty.registrations.add(StateContents.process(session, pid));
        saves++;
    }

    @Override
    public synchronized void saveAllocation(StoredAllocation allocation) {
        contents = contents.withAllocation(allocation);
        dirty.allocations.add(allocation.id());
        saves++;
    }

    @Override
    public synchronized void removeAllocation(AllocationId id) {
        contents = contents.withoutAllocation(id);
        dirty.allocations.add(id);
        saves++;
    }

    @Override
    public synchronized void saveGrant(AllocationId allocation, ChunkGrant grant) {
        contents = contents.withGrant(allocation, grant);
        dirty.allocations.add(allocation);
        saves++;
    }

    @Override
    public synchronized void removeGrant(AllocationId allocation, HostName host, Ram chunkSize) {
        contents = contents.withoutGrant(allocation, host, chunkSize);
        dirty.allocations.add(allocation);
        saves++;
    }

    @Override
    public synchronized void saveClaim(AllocationId allocation, StoredClaim claim) {
        contents = contents.withClaim(allocation, claim);
        dirty.allocations.add(allocation);
        saves++;
    }

    @Override
    public synchronized void removeClaim(GameSession session, Pid pid) {
        contents.claimOwnersOf(session, pid).forEach(dirty.allocations::add);
        contents = contents.withoutClaim(session, pid);
        saves++;
    }

    @Override
    public synchronized void saveTask(StoredTask task) {
        contents = contents.withTask(task);
        dirty.tasks.add(task.target());
        saves++;
    }

    @Override
    public synchronized void removeTask(HostName target) {
        contents = contents.withoutTask(target);
        dirty.tasks.add(target);
        saves++;
    }

    @Override
    public synchronized void savePendingLaunch(StoredPendingLaunch launch) {
        contents = contents.withPendingLaunch(launch);
        dirty.pendingLaunches.add(launch.target());
        saves++;
    }

    @Override
    public synchronized void removePendingLaunch(HostName target) {
        contents = contents.withoutPendingLaunch(target);
        dirty.pendingLaunches.add(target);
        saves++;
    }

    @Override
    public synchronized void saveBackoff(StoredBackoff backoff) {
        contents = contents.withBackoff(Option.some(backoff));
        dirty.backoff = true;
        saves++;
    }

    @Override
    public synchronized void clearBackoff() {
        contents = contents.withBackoff(Option.none());
        dirty.backoff = true;
        saves++;
    }

    /** The state as saved, committed or not: a reader in this process sees its own changes. */
    @Override
    public synchronized DurableState load() {
        return contents.load();
    }

    /** The keys saved since the last commit. */
    static final class Dirty {
        final Set<HostName> hosts = new HashSet<>();
        final Set<Tuple2<GameSession, Pid>> registrations = new HashSet<>();
        final Set<AllocationId> allocations = new HashSet<>();
        final Set<HostName> tasks = new HashSet<>();
        final Set<HostName> pendingLaunches = new HashSet<>();
        boolean backoff;

        void addAll(Dirty other) {
            hosts.addAll(other.hosts);
            registrations.addAll(other.registrations);
            allocations.addAll(other.allocations);
            tasks.addAll(other.tasks);
            pendingLaunches.addAll(other.pendingLaunches);
            backoff |= other.backoff;
        }
    }
}

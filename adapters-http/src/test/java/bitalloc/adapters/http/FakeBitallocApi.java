package bitalloc.adapters.http;

import bitalloc.adapters.http.api.AgentApi;
import bitalloc.adapters.http.api.AgentCommand;
import bitalloc.adapters.http.api.AllocationApi;
import bitalloc.adapters.http.api.AllocationTag;
import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.Commands;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.adapters.http.api.Outcomes;
import bitalloc.adapters.http.api.Outcomes.Change;
import bitalloc.adapters.http.api.RegistrationApi;
import bitalloc.adapters.http.api.ScanApi;
import bitalloc.adapters.http.api.StatusApi;
import bitalloc.adapters.http.api.TaskApi;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory stand-in for the use cases: one host "home" with {@link #FREE} free RAM and chunks no larger than
 * {@link #LARGEST_HOST}. It counts every call, so tests can prove a client's mistake never reached it.
 */
final class FakeBitallocApi implements AllocationApi, RegistrationApi, ScanApi, TaskApi, AgentApi, StatusApi {

    static final HostName HOME = HostName.of("home");
    static final Ram LARGEST_HOST = Ram.ofGb(64);
    static final Ram FREE = Ram.ofGb(32);

    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<AllocationId, Integer> chunksHeld = new HashMap<>();
    private final Map<AllocationId, Ram> chunkSizes = new HashMap<>();
    private final Set<AllocationId> released = new HashSet<>();
    private final Map<Tuple2<AllocationId, Pid>, Integer> claims = new HashMap<>();
    private final Map<Tuple2<HostName, Pid>, Commands.Register> registrations = new HashMap<>();
    private final java.util.List<Object> recorded = new ArrayList<>();
    private final java.util.List<AgentCommand> queue = new ArrayList<>();
    private final java.util.List<Runnable> listeners = new ArrayList<>();
    private final Map<CommandId, Boolean> handedOut = new HashMap<>();
    private CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private Ram free = FREE;

    BitallocApi api() {
        return new BitallocApi(this, this, this, this, this, this);
    }

    int calls() {
        return calls.get();
    }

    synchronized java.util.List<Object> recorded() {
        return new ArrayList<>(recorded);
    }

    synchronized void setFree(Ram ram) {
        free = ram;
    }

    /** Completes when the next long poll subscribes, so a test can queue a command while it waits. */
    synchronized CompletableFuture<Void> nextSubscription() {
        return subscribed;
    }

    void queue(AgentCommand command) {
        java.util.List<Runnable> waiting;
        synchronized (this) {
            queue.add(command);
            waiting = new ArrayList<>(listeners);
            listeners.clear();
        }
        waiting.forEach(Runnable::run);
    }

    static AllocationTag tagOf(AllocationId id) {
        return new AllocationTag(id + ".ok");
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Granted> allocate(AllocationRequest command) {
        calls.incrementAndGet();
        Ram requested = command.totalRam();
        if (command.chunkSize().isGreaterThan(LARGEST_HOST)) {
            return Either.left(new ApiFailure.ChunkLargerThanAnyHost(command.chunkSize(), LARGEST_HOST));
        }
        if (free.isZero()) {
            return Either.left(new ApiFailure.NothingFree(requested));
        }
        if (requested.isGreaterThan(free)) {
            return Either.left(new ApiFailure.NotEnoughFree(requested, free));
        }
        free = free.minus(requested);
        AllocationId id = new AllocationId(new UUID(random.nextLong(), random.nextLong()));
        chunksHeld.put(id, command.chunkCount());
        chunkSizes.put(id, command.chunkSize());
        return Either.right(new Outcomes.Granted(id, tagOf(id),
                List.of(new Outcomes.HostGrant(HOME, command.chunkSize(), command.chunkCount()))));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Claimed> claim(Commands.Claim command) {
        calls.incrementAndGet();
        Integer held = chunksHeld.get(command.allocation());
        if (held == null) {
            return Either.left(new ApiFailure.UnknownAllocation(command.allocation()));
        }
        if (!command.tag().equals(tagOf(command.allocation()))) {
            return Either.left(new ApiFailure.ForgedTag(command.tag()));
        }
        if (command.numChunks() > held) {
            return Either.left(new ApiFailure.ClaimExceedsGrant(command.host(), command.numChunks(), held));
        }
        Integer before = claims.put(Tuple.of(command.allocation(), command.pid()), command.numChunks());
        return Either.right(new Outcomes.Claimed(command.allocation(), command.pid(), command.host(),
                command.numChunks(), before == null ? Change.CHANGED : Change.UNCHANGED));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Released> releaseClaim(Commands.ReleaseClaim command) {
        calls.incrementAndGet();
        if (claims.remove(Tuple.of(command.allocation(), command.pid())) == null) {
            return Either.left(new ApiFailure.UnknownClaim(command.allocation(), command.pid()));
        }
        return Either.right(new Outcomes.Released(Change.CHANGED, Ram.ZERO));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Released> releaseChunks(Commands.ReleaseChunks command) {
        calls.incrementAndGet();
        Integer held = chunksHeld.get(command.allocation());
        if (held == null) {
            return Either.left(new ApiFailure.UnknownAllocation(command.allocation()));
        }
        if (command.numChunks() > held) {
            return Either.left(new ApiFailure.ReleaseExceedsGrant(command.numChunks(), held));
        }
        chunksHeld.put(command.allocation(), held - command.numChunks());
        Ram freed = chunkSizes.get(command.allocation()).times(command.numChunks());
        free = free.plus(freed);
        return Either.right(new Outcomes.Released(Change.CHANGED, freed));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Released> release(Commands.ReleaseAllocation command) {
        calls.incrementAndGet();
        Integer held = chunksHeld.remove(command.allocation());
        if (held == null) {
            return released.contains(command.allocation())
                    ? Either.right(new Outcomes.Released(Change.UNCHANGED, Ram.ZERO))
                    : Either.left(new ApiFailure.UnknownAllocation(command.allocation()));
        }
        released.add(command.allocation());
        Ram freed = chunkSizes.get(command.allocation()).times(held);
        free = free.plus(freed);
        return Either.right(new Outcomes.Released(Change.CHANGED, freed));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Registered> register(Commands.Register command) {
        calls.incrementAndGet();
        Tuple2<HostName, Pid> key = Tuple.of(command.host(), command.pid());
        Commands.Register before = registrations.get(key);
        if (before != null && !before.equals(command)) {
            return Either.left(new ApiFailure.ConflictingRegistration(command.host(), command.pid()));
        }
        registrations.put(key, command);
        return Either.right(new Outcomes.Registered(command.host(), command.pid(),
                before == null ? Change.CHANGED : Change.UNCHANGED));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Released> unregister(Commands.Unregister command) {
        calls.incrementAndGet();
        Commands.Register removed = registrations.remove(Tuple.of(command.host(), command.pid()));
        return removed == null
                ? Either.left(new ApiFailure.UnknownRegistration(command.host(), command.pid()))
                : Either.right(new Outcomes.Released(Change.CHANGED, removed.ram()));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.ScanApplied> apply(Commands.Scan command) {
        calls.incrementAndGet();
        recorded.add(command);
        return Either.right(new Outcomes.ScanApplied(command.hosts()
                .map(host -> new Outcomes.HostFree(host.host(), host.maxRam().minusOrZero(host.usedRam())))));
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Recorded> heartbeat(Commands.Heartbeat command) {
        calls.incrementAndGet();
        recorded.add(command);
        return Either.right(Outcomes.Recorded.RECORDED);
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Recorded> finished(Commands.TaskFinished command) {
        calls.incrementAndGet();
        recorded.add(command);
        return Either.right(Outcomes.Recorded.RECORDED);
    }

    @Override
    public synchronized List<AgentCommand> takeQueuedCommands() {
        List<AgentCommand> taken = List.ofAll(queue);
        queue.clear();
        taken.forEach(command -> handedOut.put(command.id(), false));
        return taken;
    }

    @Override
    public Subscription whenCommandsQueued(Runnable listener) {
        CompletableFuture<Void> announce;
        synchronized (this) {
            if (!queue.isEmpty()) {
                announce = null;
            } else {
                listeners.add(listener);
                announce = subscribed;
                subscribed = new CompletableFuture<>();
            }
        }
        if (announce == null) {
            listener.run();
            return () -> { };
        }
        announce.complete(null);
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
            }
        };
    }

    synchronized int waitingListeners() {
        return listeners.size();
    }

    @Override
    public synchronized Either<ApiFailure, Outcomes.Recorded> reportResult(Commands.ReportCommandResult command) {
        calls.incrementAndGet();
        Boolean reported = handedOut.get(command.command());
        if (reported == null) {
            return Either.left(new ApiFailure.UnknownCommand(command.command()));
        }
        if (reported) {
            return Either.left(new ApiFailure.ResultAlreadyReported(command.command()));
        }
        handedOut.put(command.command(), true);
        recorded.add(command);
        return Either.right(Outcomes.Recorded.RECORDED);
    }

    @Override
    public synchronized Outcomes.Status status() {
        return new Outcomes.Status(List.of(new Outcomes.HostStatus(HOME, HostKind.HOME, Ram.ofGb(64),
                Ram.ofGb(64).minus(free), Ram.ZERO, Ram.ZERO, free)));
    }

    @Override
    public Outcomes.Targets targets() {
        return new Outcomes.Targets(List.of(
                new Outcomes.TargetStatus(HostName.of("n00dles"), Option.some(Lifecycle.HARVEST), Outcomes.TargetPhase.ACTIVE,
                        Option.some(Pid.of(7))),
                new Outcomes.TargetStatus(HostName.of("foodnstuff"), Option.none(), Outcomes.TargetPhase.PENDING,
                        Option.none())));
    }
}

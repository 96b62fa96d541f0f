package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.Samples.SESSION;
import static bitalloc.adapters.persistence.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.adapters.persistence.generated.Tables;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredAllocation;
import bitalloc.application.port.out.state.StoredAllocation.RequestFlag;
import bitalloc.application.port.out.state.StoredBackoff;
import bitalloc.application.port.out.state.StoredClaim;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.StoredPendingLaunch;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.application.port.out.state.StoredTask;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL stores, besides the contract, must load exactly what the in-memory store loads after any changes. */
abstract class SqlStateStoreContract extends StateStoreContract {

    static final int OPERATIONS = 120;

    private JooqTransactions sqlTransactions;

    abstract Database database();

    @Override
    StateStore emptyStore() {
        emptyStateTables(database());
        sqlTransactions = new JooqTransactions(database().dsl());
        return new JooqStateStore(sqlTransactions);
    }

    static void emptyStateTables(Database database) {
        database.dsl().deleteFrom(Tables.ALLOCATION_CLAIM).execute();
        database.dsl().deleteFrom(Tables.ALLOCATION_GRANT).execute();
        database.dsl().deleteFrom(Tables.ALLOCATION).execute();
        database.dsl().deleteFrom(Tables.HOST).execute();
        database.dsl().deleteFrom(Tables.REGISTRATION).execute();
        database.dsl().deleteFrom(Tables.TASK).execute();
        database.dsl().deleteFrom(Tables.PENDING_LAUNCH).execute();
        database.dsl().deleteFrom(Tables.SELECTOR_BACKOFF).execute();
    }

    /** The store joins only the units of work of the transactions it was built with. */
    @Override
    Transactions transactionsOf(StateStore store) {
        return sqlTransactions;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261122})
    void loads_what_the_in_memory_store_loads_after_any_sequence_of_changes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InMemoryStateStore model = new InMemoryStateStore();
        for (int step = 0; step < OPERATIONS; step++) {
            Consumer<StateStore> change = randomChange(random, savedAllocations(model));
            change.accept(model);
            change.accept(store);
        }
        assertEquals(model.load(), store.load(), "seed " + seed + " (replay with this seed)");
    }

    static List<AllocationId> savedAllocations(StateStore store) {
        return store.load().allocations().map(StoredAllocation::id);
    }

    /**
     * One random save or remove, over a small key space so that replacements and removals really happen. Grants and
     * claims are saved only into allocations that {@code saved} lists, as the contract requires.
     */
    static Consumer<StateStore> randomChange(SplittableRandom random, List<AllocationId> saved) {
        HostName host = HostName.of("host-" + random.nextInt(4));
        Pid pid = Pid.of(1 + random.nextInt(5));
        GameSession session = new GameSession(1 + random.nextInt(2));
        Instant at = T0.plusMillis(random.nextInt(1_000_000));
        Ram ram = Ram.ofHundredths(1 + random.nextInt(100_000));
        AllocationId id = new AllocationId(new UUID(random.nextInt(3), random.nextInt(3)));
        int kind = random.nextInt(16);
        if (kind >= 12) {
            // With no allocation saved, a grant or claim can only be removed.
            int partKind = saved.isEmpty() && kind % 2 == 0 ? kind + 1 : kind;
            return randomPartChange(random, partKind, saved.isEmpty() ? id : saved.get(random.nextInt(saved.size())),
                    host, pid, session);
        }
        switch (kind) {
            case 0:
                StoredHost stored = new StoredHost(host, HostKind.values()[random.nextInt(4)], 1 + random.nextInt(8),
                        ram, Ram.ZERO, ram, Ram.ZERO, Ram.ofHundredths(random.nextInt(500)), Ram.ofGb(8),
                        random.nextBoolean() ? Option.some(at) : Option.none());
                return s -> s.saveHost(stored);
            case 1:
                return s -> s.removeHost(host);
            case 2:
                StoredRegistration registration = new StoredRegistration(session, pid, host, "agent.js", ram, at,
                        random.nextBoolean() ? Option.some(at.plusSeconds(2)) : Option.none());
                return s -> s.saveRegistration(registration);
            case 3:
                return s -> s.removeRegistration(session, pid);
            case 4:
            case 5:
                StoredAllocation allocation = randomAllocation(random, id, session, at);
                return s -> s.saveAllocation(allocation);
            case 6:
                return s -> s.removeAllocation(id);
            case 7:
                StoredTask task = new StoredTask(host, TaskLifecycle.values()[random.nextInt(3)], session, pid, host,
                        "task.js", at, at.plusSeconds(1));
                return s -> s.saveTask(task);
            case 8:
                return s -> s.removeTask(host);
            case 9:
                StoredPendingLaunch launch = new StoredPendingLaunch(host, TaskLifecycle.values()[random.nextInt(3)],
                        session, pid, host, "task.js", at, ram);
                return s -> s.savePendingLaunch(launch);
            case 10:
                return s -> s.removePendingLaunch(host);
            default:
                StoredBackoff backoff = new StoredBackoff(random.nextInt(6), Duration.ofMillis(random.nextInt(10_000)), at);
                return random.nextBoolean() ? s -> s.saveBackoff(backoff) : StateStore::clearBackoff;
        }
    }

    private static Consumer<StateStore> randomPartChange(SplittableRandom random, int kind, AllocationId id,
                                                         HostName host, Pid pid, GameSession session) {
        Ram chunkSize = Ram.ofHundredths(170 + random.nextInt(3) * 5);
        switch (kind) {
            case 12:
                ChunkGrant grant = new ChunkGrant(host, chunkSize, 1 + random.nextInt(64));
                return s -> s.saveGrant(id, grant);
            case 13:
                return s -> s.removeGrant(id, host, chunkSize);
            case 14:
                StoredClaim claim = new StoredClaim(session, pid, host, chunkSize, 1 + random.nextInt(8));
                return s -> s.saveClaim(id, claim);
            default:
                return s -> s.removeClaim(session, pid);
        }
    }

    private static StoredAllocation randomAllocation(SplittableRandom random, AllocationId id, GameSession session,
                                                     Instant at) {
        List<ChunkGrant> grants = List.range(0, random.nextInt(4)).map(i -> new ChunkGrant(
                HostName.of("host-" + i), Ram.ofHundredths(170 + random.nextInt(3) * 5), 1 + random.nextInt(64)));
        List<StoredClaim> claims = grants.zipWithIndex().filter(g -> random.nextBoolean()).map(g -> new StoredClaim(
                session, Pid.of(1 + g._2 + random.nextInt(3)), g._1.host(), g._1.chunkSize(), 1 + random.nextInt(g._1.chunks())));
        return new StoredAllocation(id, session, "requester-" + random.nextInt(3), "hack.js",
                HashSet.of(RequestFlag.values()).filter(f -> random.nextBoolean()), at, grants, claims,
                random.nextBoolean() ? Option.some(at.plusSeconds(4)) : Option.none());
    }
}

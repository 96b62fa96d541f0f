package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION;
import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_CLAIM;
import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_GRANT;
import static bitalloc.adapters.persistence.generated.Tables.HOST;
import static bitalloc.adapters.persistence.generated.Tables.PENDING_LAUNCH;
import static bitalloc.adapters.persistence.generated.Tables.REGISTRATION;
import static bitalloc.adapters.persistence.generated.Tables.SELECTOR_BACKOFF;
import static bitalloc.adapters.persistence.generated.Tables.TASK;

import bitalloc.adapters.persistence.generated.tables.records.AllocationClaimRecord;
import bitalloc.adapters.persistence.generated.tables.records.AllocationGrantRecord;
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
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;

/**
 * The durable state in SQL. Each call runs in a transaction of its own (committed when it returns) or joins the
 * unit of work running on this thread ({@link JooqTransactions}).
 */
public final class JooqStateStore implements StateStore {

    private final JooqTransactions transactions;
    /** The allocation tables' multi-row inserts by table and row count, rendered once. */
    private final java.util.Map<String, String> insertSql = new ConcurrentHashMap<>();

    public JooqStateStore(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void saveHost(StoredHost host) {
        inTransaction(dsl -> upsert(dsl, HostMapper.toRecord(dsl, host)));
    }

    @Override
    public void removeHost(HostName host) {
        inTransaction(dsl -> dsl.deleteFrom(HOST).where(HOST.HOST_.eq(host.value())).execute());
    }

    @Override
    public void saveRegistration(StoredRegistration registration) {
        inTransaction(dsl -> upsert(dsl, RegistrationMapper.toRecord(dsl, registration)));
    }

    @Override
    public void removeRegistration(GameSession session, Pid pid) {
        inTransaction(dsl -> dsl.deleteFrom(REGISTRATION)
                .where(REGISTRATION.GAME_SESSION.eq(session.value()).and(REGISTRATION.PID.eq(pid.value())))
                .execute());
    }

    @Override
    public void saveAllocation(StoredAllocation allocation) {
        saveAllocations(List.of(allocation));
    }

    @Override
    public void removeAllocation(AllocationId id) {
        removeAllocations(List.of(id));
    }

    /**
     * A few statements however many allocations a group commit writes: one batched delete, then each table's rows
     * as multi-row inserts ({@link MultiRowInsert}), every statement rendered once.
     */
    @Override
    public void saveAllocations(Seq<StoredAllocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        // Of two with the same id the later one stays: inserting both would break the primary key.
        Seq<StoredAllocation> distinct = allocations.reverse().distinctBy(StoredAllocation::id);
        inTransaction(dsl -> {
            // Their grants and claims go with the old rows (ON DELETE CASCADE): a replaced allocation keeps none.
            deleteAllocations(dsl, distinct.map(StoredAllocation::id));
            MultiRowInsert rows = new MultiRowInsert(dsl, ALLOCATION, ALLOCATION.fields(), insertSql);
            MultiRowInsert grants = new MultiRowInsert(dsl, ALLOCATION_GRANT, ALLOCATION_GRANT.fields(), insertSql);
            MultiRowInsert claims = new MultiRowInsert(dsl, ALLOCATION_CLAIM, ALLOCATION_CLAIM.fields(), insertSql);
            for (StoredAllocation allocation : distinct) {
                rows.add(AllocationMapper.toRecord(dsl, allocation).intoArray());
                AllocationMapper.grantRecords(dsl, allocation).forEach(grant -> grants.add(grant.intoArray()));
                AllocationMapper.claimRecords(dsl, allocation).forEach(claim -> claims.add(claim.intoArray()));
            }
            rows.execute();
            grants.execute();
            claims.execute();
        });
    }

    @Override
    public void removeAllocations(Seq<AllocationId> ids) {
        if (!ids.isEmpty()) {
            inTransaction(dsl -> deleteAllocations(dsl, ids));
        }
    }

    @Override
    public void saveGrant(AllocationId allocation, ChunkGrant grant) {
        inTransaction(dsl -> {
            int updated = dsl.update(ALLOCATION_GRANT).set(ALLOCATION_GRANT.CHUNKS, grant.chunks())
                    .where(ALLOCATION_GRANT.ALLOCATION_ID.eq(allocation.value()))
                    .and(ALLOCATION_GRANT.HOST.eq(grant.host().value()))
                    .and(ALLOCATION_GRANT.CHUNK_SIZE.eq(grant.chunkSize().hundredths()))
                    .execute();
            if (updated == 0) {
                dsl.executeInsert(AllocationMapper.grantRecord(dsl, allocation, grant));
            }
        });
    }

    @Override
    public void removeGrant(AllocationId allocation, HostName host, Ram chunkSize) {
        inTransaction(dsl -> dsl.deleteFrom(ALLOCATION_GRANT)
                .where(ALLOCATION_GRANT.ALLOCATION_ID.eq(allocation.value()))
                .and(ALLOCATION_GRANT.HOST.eq(host.value()))
                .and(ALLOCATION_GRANT.CHUNK_SIZE.eq(chunkSize.hundredths()))
                .execute());
    }

    @Override
    public void saveClaim(AllocationId allocation, StoredClaim claim) {
        inTransaction(dsl -> {
            dsl.deleteFrom(ALLOCATION_CLAIM)
                    .where(ALLOCATION_CLAIM.ALLOCATION_ID.eq(allocation.value()))
                    .and(ALLOCATION_CLAIM.GAME_SESSION.eq(claim.session().value()))
                    .and(ALLOCATION_CLAIM.PID.eq(claim.pid().value()))
                    .execute();
            dsl.executeInsert(AllocationMapper.claimRecord(dsl, allocation, claim));
        });
    }

    @Override
    public void removeClaim(GameSession session, Pid pid) {
        inTransaction(dsl -> dsl.deleteFrom(ALLOCATION_CLAIM)
                .where(ALLOCATION_CLAIM.GAME_SESSION.eq(session.value()))
                .and(ALLOCATION_CLAIM.PID.eq(pid.value()))
                .execute());
    }

    @Override
    public void saveTask(StoredTask task) {
        inTransaction(dsl -> upsert(dsl, TaskMapper.toRecord(dsl, task)));
    }

    @Override
    public void removeTask(HostName target) {
        inTransaction(dsl -> dsl.deleteFrom(TASK).where(TASK.TARGET.eq(target.value())).execute());
    }

    @Override
    public void savePendingLaunch(StoredPendingLaunch launch) {
        inTransaction(dsl -> upsert(dsl, TaskMapper.toRecord(dsl, launch)));
    }

    @Override
    public void removePendingLaunch(HostName target) {
        inTransaction(dsl -> dsl.deleteFrom(PENDING_LAUNCH).where(PENDING_LAUNCH.TARGET.eq(target.value())).execute());
    }

    @Override
    public void saveBackoff(StoredBackoff backoff) {
        inTransaction(dsl -> upsert(dsl, TaskMapper.toRecord(dsl, backoff)));
    }

    @Override
    public void clearBackoff() {
        inTransaction(dsl -> dsl.deleteFrom(SELECTOR_BACKOFF).execute());
    }

    @Override
    public DurableState load() {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            Map<UUID, List<AllocationGrantRecord>> grants =
                    List.ofAll(dsl.selectFrom(ALLOCATION_GRANT).fetch()).groupBy(AllocationGrantRecord::getAllocationId);
            Map<UUID, List<AllocationClaimRecord>> claims =
                    List.ofAll(dsl.selectFrom(ALLOCATION_CLAIM).fetch()).groupBy(AllocationClaimRecord::getAllocationId);
            return DurableState.of(
                    List.ofAll(dsl.selectFrom(HOST).fetch()).map(HostMapper::fromRecord),
                    List.ofAll(dsl.selectFrom(REGISTRATION).fetch()).map(RegistrationMapper::fromRecord),
                    List.ofAll(dsl.selectFrom(ALLOCATION).fetch()).map(a -> AllocationMapper.fromRecords(a,
                            grants.get(a.getAllocationId()).getOrElse(List.empty()),
                            claims.get(a.getAllocationId()).getOrElse(List.empty()))),
                    List.ofAll(dsl.selectFrom(TASK).fetch()).map(TaskMapper::fromRecord),
                    List.ofAll(dsl.selectFrom(PENDING_LAUNCH).fetch()).map(TaskMapper::fromRecord),
                    List.ofAll(dsl.selectFrom(SELECTOR_BACKOFF).fetch()).headOption().map(TaskMapper::fromRecord));
        });
    }

    /**
     * One delete by id, rendered once and sent as one JDBC batch. Grants and claims go with their allocation
     * (ON DELETE CASCADE).
     */
    private static void deleteAllocations(DSLContext dsl, Seq<AllocationId> ids) {
        BatchBindStep batch = dsl.batch(dsl.deleteFrom(ALLOCATION)
                .where(ALLOCATION.ALLOCATION_ID.eq(DSL.param(ALLOCATION.ALLOCATION_ID))));
        for (AllocationId id : ids) {
            batch = batch.bind(id.value());
        }
        batch.execute();
    }

    private void inTransaction(Consumer<DSLContext> work) {
        transactions.inTransaction(() -> work.accept(transactions.dsl()));
    }

    /**
     * Update by primary key, insert when there was nothing to update. Plain statements on purpose: jOOQ's MERGE
     * emulation for H2 renders a wrong query for a table with a column of the same name ({@code host.host}).
     */
    private static void upsert(DSLContext dsl, UpdatableRecord<?> record) {
        if (dsl.executeUpdate(record) == 0) {
            dsl.executeInsert((TableRecord<?>) record);
        }
    }
}

package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_EVENT;
import static bitalloc.adapters.persistence.generated.Tables.ALLOCATION_REFUSAL;
import static bitalloc.adapters.persistence.generated.Tables.HOST_SCAN;
import static bitalloc.adapters.persistence.generated.Tables.REGISTRATION_EVENT;
import static bitalloc.adapters.persistence.generated.Tables.TASK_EVENT;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChanged;
import bitalloc.application.port.out.history.HistoryEvent.AllocationRefused;
import bitalloc.application.port.out.history.HistoryEvent.HostScanned;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChanged;
import bitalloc.application.port.out.history.HistoryEvent.TaskEvent;
import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Writes a batch of history events in one transaction, table by table, as multi-row inserts. Called only by the
 * {@link BatchingHistoryLog} writer thread.
 */
final class JooqHistoryWriter {

    private static final Field<?>[] HOST_SCAN_COLUMNS = {
        HOST_SCAN.OCCURRED_AT, HOST_SCAN.GAME_SESSION, HOST_SCAN.HOST, HOST_SCAN.KIND, HOST_SCAN.MAX_RAM,
        HOST_SCAN.SET_ASIDE_RAM, HOST_SCAN.USED_RAM, HOST_SCAN.ALLOCATED_RAM, HOST_SCAN.FOREIGN_RAM,
        HOST_SCAN.RESERVED_RAM, HOST_SCAN.MARGIN_RAM, HOST_SCAN.EFFECTIVE_FREE_RAM, HOST_SCAN.PROCESS_COUNT};
    private static final Field<?>[] ALLOCATION_EVENT_COLUMNS = {
        ALLOCATION_EVENT.OCCURRED_AT, ALLOCATION_EVENT.GAME_SESSION, ALLOCATION_EVENT.ALLOCATION_ID,
        ALLOCATION_EVENT.CHANGE, ALLOCATION_EVENT.REQUESTER, ALLOCATION_EVENT.PID, ALLOCATION_EVENT.HOST,
        ALLOCATION_EVENT.CHUNK_SIZE, ALLOCATION_EVENT.CHUNKS, ALLOCATION_EVENT.DETAIL};
    private static final Field<?>[] ALLOCATION_REFUSAL_COLUMNS = {
        ALLOCATION_REFUSAL.OCCURRED_AT, ALLOCATION_REFUSAL.GAME_SESSION, ALLOCATION_REFUSAL.REQUESTER,
        ALLOCATION_REFUSAL.CHUNK_SIZE, ALLOCATION_REFUSAL.CHUNKS, ALLOCATION_REFUSAL.REASON,
        ALLOCATION_REFUSAL.AVAILABLE_RAM};
    private static final Field<?>[] REGISTRATION_EVENT_COLUMNS = {
        REGISTRATION_EVENT.OCCURRED_AT, REGISTRATION_EVENT.GAME_SESSION, REGISTRATION_EVENT.CHANGE,
        REGISTRATION_EVENT.HOST, REGISTRATION_EVENT.PID, REGISTRATION_EVENT.SCRIPT, REGISTRATION_EVENT.RAM};
    private static final Field<?>[] TASK_EVENT_COLUMNS = {
        TASK_EVENT.OCCURRED_AT, TASK_EVENT.GAME_SESSION, TASK_EVENT.KIND, TASK_EVENT.TARGET, TASK_EVENT.LIFECYCLE,
        TASK_EVENT.PID, TASK_EVENT.DETAIL};

    private final DSLContext dsl;
    /** Insert statements by table and row count, rendered once; only the writer thread touches it. */
    private final Map<String, String> insertSql = new HashMap<>();

    JooqHistoryWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    void write(List<HistoryEvent> events) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            MultiRowInsert scans = insertInto(tx, HOST_SCAN, HOST_SCAN_COLUMNS);
            MultiRowInsert allocations = insertInto(tx, ALLOCATION_EVENT, ALLOCATION_EVENT_COLUMNS);
            MultiRowInsert refusals = insertInto(tx, ALLOCATION_REFUSAL, ALLOCATION_REFUSAL_COLUMNS);
            MultiRowInsert registrations = insertInto(tx, REGISTRATION_EVENT, REGISTRATION_EVENT_COLUMNS);
            MultiRowInsert tasks = insertInto(tx, TASK_EVENT, TASK_EVENT_COLUMNS);
            for (HistoryEvent event : events) {
                if (event instanceof HostScanned e) {
                    scans.add(Times.stored(e.at()), e.session().value(), e.host().value(), e.kind().name(),
                            e.maxRam().hundredths(), e.setAside().hundredths(), e.usedRam().hundredths(),
                            e.allocated().hundredths(), e.foreign().hundredths(), e.reserved().hundredths(),
                            e.margin().hundredths(), e.effectiveFree().hundredths(), e.processCount());
                } else if (event instanceof AllocationChanged e) {
                    addAllocationChange(allocations, e);
                } else if (event instanceof AllocationRefused e) {
                    refusals.add(Times.stored(e.at()), e.session().value(), e.requester(), e.chunkSize().hundredths(),
                            e.chunks(), e.reason().name(), e.available().hundredths());
                } else if (event instanceof RegistrationChanged e) {
                    registrations.add(Times.stored(e.at()), e.session().value(), e.change().name(), e.host().value(),
                            e.pid().value(), e.script(), e.ram().hundredths());
                } else if (event instanceof TaskEvent e) {
                    tasks.add(Times.stored(e.at()), e.session().value(), e.kind().name(),
                            e.target().map(HostName::value).getOrNull(), e.lifecycle().map(TaskLifecycle::name).getOrNull(),
                            e.pid().map(Pid::value).getOrNull(), e.detail());
                } else {
                    throw new IllegalArgumentException("no history table for " + event.getClass().getName());
                }
            }
            scans.execute();
            allocations.execute();
            refusals.execute();
            registrations.execute();
            tasks.execute();
        });
    }

    private MultiRowInsert insertInto(DSLContext tx, Table<?> table, Field<?>[] columns) {
        return new MultiRowInsert(tx, table, columns, insertSql);
    }

    /** One row per grant the change concerned; a change that names no grant still gets one row. */
    private static void addAllocationChange(MultiRowInsert allocations, AllocationChanged e) {
        Long pid = e.pid().map(Pid::value).getOrNull();
        if (e.grants().isEmpty()) {
            allocations.add(Times.stored(e.at()), e.session().value(), e.allocation().value(), e.change().name(),
                    e.requester(), pid, null, null, null, e.detail());
        }
        for (ChunkGrant grant : e.grants()) {
            allocations.add(Times.stored(e.at()), e.session().value(), e.allocation().value(), e.change().name(),
                    e.requester(), pid, grant.host().value(), grant.chunkSize().hundredths(), grant.chunks(),
                    e.detail());
        }
    }
}

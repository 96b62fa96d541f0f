package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.Samples.SESSION;
import static bitalloc.adapters.persistence.Samples.T0;
import static bitalloc.adapters.persistence.Samples.allocationId;
import static bitalloc.adapters.persistence.Samples.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.persistence.generated.Tables;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChange;
import bitalloc.application.port.out.history.HistoryEvent.AllocationChanged;
import bitalloc.application.port.out.history.HistoryEvent.AllocationRefused;
import bitalloc.application.port.out.history.HistoryEvent.HostScanned;
import bitalloc.application.port.out.history.HistoryEvent.RefusalReason;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChange;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChanged;
import bitalloc.application.port.out.history.HistoryEvent.TaskEvent;
import bitalloc.application.port.out.history.HistoryEvent.TaskEventKind;
import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.history.QueryResult;
import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL history and the read-only query port, checked through the documented views; on H2 and PostgreSQL. */
abstract class SqlHistoryContract {

    /** Small batches, so a few hundred events cross several batch and statement boundaries. */
    static final int SMALL_BATCH = 150;

    BatchingHistoryLog history;
    JooqReadOnlyQuery query;

    abstract Database database();

    @BeforeEach
    void startWithEmptyHistory() {
        List.of(Tables.HOST_SCAN, Tables.ALLOCATION_EVENT, Tables.ALLOCATION_REFUSAL, Tables.REGISTRATION_EVENT,
                Tables.TASK_EVENT).forEach(table -> database().dsl().deleteFrom(table).execute());
        history = SqlHistory.open(database(), SMALL_BATCH);
        query = new JooqReadOnlyQuery(database());
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    static HostScanned scan(String host, Instant at, long allocatedGb, long foreignGb) {
        return new HostScanned(at, SESSION, host(host), HostKind.PURCHASED, Ram.ofGb(64), Ram.ofGb(4),
                Ram.ofGb(allocatedGb + foreignGb), Ram.ofGb(allocatedGb), Ram.ofGb(foreignGb), Ram.parse("1.75"),
                Ram.ofGb(8), Ram.parse("10.25"), 3);
    }

    static TaskEvent taskEvent(TaskEventKind kind, String target, Instant at) {
        return new TaskEvent(at, SESSION, kind, Option.some(host(target)), Option.some(TaskLifecycle.SOW),
                Option.some(Pid.of(12)), "");
    }

    QueryResult select(String sql) {
        Either<QueryRefused, QueryResult> answer = query.run(sql);
        assertTrue(answer.isRight(), () -> "query refused: " + answer.getLeft());
        return answer.get();
    }

    @Test
    void a_host_scan_is_visible_in_host_scans_with_ram_in_gb() {
        history.append(scan("pserv-1", T0, 40, 2));
        history.flush();
        QueryResult result = select("SELECT occurred_at, game_session, host, kind, max_gb, used_gb, allocated_gb, "
                + "foreign_gb, reserved_gb, margin_gb, effective_free_gb, process_count FROM host_scans");
        assertEquals(List.of("occurred_at", "game_session", "host", "kind", "max_gb", "used_gb", "allocated_gb",
                "foreign_gb", "reserved_gb", "margin_gb", "effective_free_gb", "process_count"), result.columns());
        assertEquals(List.of(List.of(T0, 7L, "pserv-1", "PURCHASED", new BigDecimal("64.00"),
                new BigDecimal("42.00"), new BigDecimal("40.00"), new BigDecimal("2.00"), new BigDecimal("1.75"),
                new BigDecimal("8.00"), new BigDecimal("10.25"), 3L)), result.rows());
    }

    @Test
    void an_allocation_change_has_one_row_per_grant_it_touched() {
        history.append(new AllocationChanged(T0, SESSION, allocationId(1), AllocationChange.GRANTED, "harvest",
                List.of(new ChunkGrant(host("home"), Ram.parse("1.7"), 3),
                        new ChunkGrant(host("pserv-1"), Ram.parse("1.75"), 10)), Option.none(), ""));
        history.append(new AllocationChanged(T0.plusSeconds(1), SESSION, allocationId(1), AllocationChange.RELEASED,
                "harvest", List.empty(), Option.some(Pid.of(5)), "released by its owner"));
        history.flush();
        QueryResult result = select("SELECT change, host, chunk_gb, chunks, ram_gb, pid, detail, allocation_id "
                + "FROM allocation_events ORDER BY occurred_at, host");
        String id = allocationId(1).toString();
        assertEquals(List.of(
                List.of("GRANTED", "home", new BigDecimal("1.70"), 3L, new BigDecimal("5.10"), "", id),
                List.of("GRANTED", "pserv-1", new BigDecimal("1.75"), 10L, new BigDecimal("17.50"), "", id),
                List.of("RELEASED", "released by its owner", id)),
                result.rows().map(row -> row.filter(value -> value != null).remove(5L)));
    }

    @Test
    void refusals_registrations_and_task_events_are_visible_in_their_views() {
        history.append(new AllocationRefused(T0, SESSION, "till:n00dles", Ram.parse("1.75"), 40,
                RefusalReason.NOT_ENOUGH_FREE, Ram.parse("12.5")));
        history.append(new RegistrationChanged(T0, SESSION, RegistrationChange.AGED_OUT, host("home"), Pid.of(2),
                "agent.js", Ram.parse("2.6")));
        history.append(new TaskEvent(T0, SESSION, TaskEventKind.BACKED_OFF, Option.none(), Option.none(),
                Option.none(), "delay 500 ms"));
        history.flush();
        assertEquals(List.of(List.of("till:n00dles", new BigDecimal("1.75"), 40L, "NOT_ENOUGH_FREE",
                new BigDecimal("12.50"))), select("SELECT requester, chunk_gb, chunks, reason, available_gb "
                + "FROM allocation_refusals").rows());
        assertEquals(List.of(List.of("AGED_OUT", "home", 2L, "agent.js", new BigDecimal("2.60"))),
                select("SELECT change, host, pid, script, ram_gb FROM registration_events").rows());
        assertEquals(List.of(List.<Object>of("BACKED_OFF", null, null, null, "delay 500 ms")),
                select("SELECT kind, target, lifecycle, pid, detail FROM task_events").rows());
    }

    @Test
    void events_are_written_in_append_order_across_batches() {
        int events = SMALL_BATCH * 4 + MultiRowInsert.ROWS_PER_STATEMENT / 2 + 7;
        for (int i = 0; i < events; i++) {
            history.append(scan("pserv-" + (i % 25), T0.plusMillis(i), i % 60, 0));
        }
        history.flush();
        List<Object> allocatedInIdOrder =
                select("SELECT allocated_ram FROM host_scan ORDER BY id").rows().map(row -> row.get(0));
        assertEquals(List.range(0, events).map(i -> (Object) ((i % 60) * 100L)), allocatedInIdOrder);
    }

    @Test
    void utilization_per_host_minute_divides_allocated_by_usable_ram() {
        history.append(scan("pserv-1", T0, 30, 0));
        history.append(scan("pserv-1", T0.plusSeconds(2), 40, 10));
        history.append(scan("home", T0, 6, 0));
        history.flush();
        QueryResult result = select("SELECT host, scans, avg_allocated_gb, utilization FROM utilization_per_host_minute "
                + "WHERE host = 'pserv-1'");
        // (30 + 40) / ((64 - 4 - 0) + (64 - 4 - 10)) = 70 / 110
        assertEquals(List.of(List.of("pserv-1", 2L, new BigDecimal("35.00"), new BigDecimal("0.6364"))),
                result.rows());
    }

    @Test
    void timeouts_and_outcomes_are_counted_per_target() {
        history.append(taskEvent(TaskEventKind.LAUNCHED, "n00dles", T0));
        history.append(taskEvent(TaskEventKind.TIMED_OUT, "n00dles", T0.plusSeconds(3)));
        history.append(taskEvent(TaskEventKind.LAUNCHED, "n00dles", T0.plusSeconds(4)));
        history.append(taskEvent(TaskEventKind.TIMED_OUT, "n00dles", T0.plusSeconds(7)));
        history.append(taskEvent(TaskEventKind.CLASH, "joesguns", T0.plusSeconds(8)));
        history.flush();
        assertEquals(List.of(List.of("n00dles", 2L, T0.plusSeconds(3), T0.plusSeconds(7))),
                select("SELECT target, timeouts, first_timeout_at, last_timeout_at FROM timeouts_per_target").rows());
        assertEquals(List.of(List.of("joesguns", 0L, 0L, 1L), List.of("n00dles", 2L, 2L, 0L)),
                select("SELECT target, launched, timed_out, clashes FROM task_outcomes_per_target ORDER BY target")
                        .rows());
    }

    @Test
    void a_batch_the_database_rejects_is_counted_and_the_writer_goes_on() {
        history.append(new AllocationRefused(T0, SESSION, "x".repeat(5000), Ram.parse("1.75"), 1,
                RefusalReason.NOTHING_FREE, Ram.ZERO));
        history.flush();
        history.append(scan("home", T0, 1, 0));
        history.flush();
        assertEquals(1, history.failedBatches());
        assertEquals(List.of(List.of(1L)), select("SELECT COUNT(*) FROM host_scans").rows());
    }

    @Test
    void appending_after_close_is_a_programming_error() {
        history.close();
        HistoryEvent late = scan("home", T0, 1, 0);
        assertThrows(IllegalStateException.class, () -> history.append(late));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO task_event (occurred_at, game_session, kind, detail) VALUES (CURRENT_TIMESTAMP, 1, 'X', '')",
        "DELETE FROM host_scan",
        "DROP VIEW host_scans",
        "SELECT 1; DELETE FROM host_scan",
        "WITH gone AS (DELETE FROM host_scan RETURNING id) SELECT * FROM gone",
        "SELECT CSVWRITE('/tmp/bitalloc-leak.csv', 'SELECT * FROM host_scan')",
        "UPDATE host_scan SET host = 'x'"})
    void refuses_anything_but_a_read_only_query_with_a_clear_message(String sql) {
        Either<QueryRefused, QueryResult> answer = query.run(sql);
        assertInstanceOf(QueryRefused.NotReadOnly.class, answer.getLeft());
        assertTrue(answer.getLeft().message().startsWith("refused: "), answer.getLeft().message());
    }

    @Test
    void the_database_itself_refuses_a_write_that_got_past_the_text_check() {
        Either<QueryRefused, QueryResult> answer = query.runChecked(
                "INSERT INTO task_event (occurred_at, game_session, kind, detail) VALUES (CURRENT_TIMESTAMP, 1, 'X', '')");
        assertInstanceOf(QueryRefused.NotReadOnly.class, answer.getLeft(), () -> answer.getLeft().message());
        assertEquals(List.of(List.of(0L)), select("SELECT COUNT(*) FROM task_events").rows());
    }

    @Test
    void an_unknown_view_is_a_sql_error_with_the_database_message() {
        Either<QueryRefused, QueryResult> answer = query.run("SELECT * FROM no_such_view");
        assertInstanceOf(QueryRefused.SqlError.class, answer.getLeft());
        assertTrue(answer.getLeft().message().contains("no_such_view"), answer.getLeft().message());
    }
}

package bitalloc.application.port.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory history and query ports (the state store's contract runs in adapters-persistence). */
class InMemoryPortsTest {

    static HistoryEvent launched(String target) {
        return new HistoryEvent.TaskEvent(Instant.EPOCH, GameSession.FIRST, HistoryEvent.TaskEventKind.LAUNCHED,
                Option.some(HostName.of(target)), Option.some(TaskLifecycle.TILL), Option.some(Pid.of(3)), "");
    }

    @Test
    void the_history_keeps_events_in_append_order_and_refuses_them_after_close() {
        InMemoryHistoryLog history = new InMemoryHistoryLog();
        history.append(launched("n00dles"));
        history.append(launched("joesguns"));
        history.flush();
        assertEquals(List.of(launched("n00dles"), launched("joesguns")), history.events());
        history.close();
        assertThrows(IllegalStateException.class, () -> history.append(launched("foodnstuff")));
    }

    @Test
    void without_a_database_a_query_is_checked_then_answered_with_no_sql_store() {
        NoSqlQuery query = new NoSqlQuery();
        assertInstanceOf(QueryRefused.NotReadOnly.class, query.run("DELETE FROM task_events").getLeft());
        assertInstanceOf(QueryRefused.NoSqlStore.class, query.run("SELECT * FROM task_events").getLeft());
    }
}

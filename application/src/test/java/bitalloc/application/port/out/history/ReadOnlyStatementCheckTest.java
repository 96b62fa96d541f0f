package bitalloc.application.port.out.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Either;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyStatementCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM host_scans",
        "  select host from host_scans where detail = 'please delete; drop' ;  ",
        "WITH t AS (SELECT 1 AS x) SELECT x FROM t",
        "(SELECT 1) UNION (SELECT 2)",
        "VALUES (1, 2)",
        "TABLE task_events",
        "SELECT \"update\" FROM t -- insert in a comment\n",
        "SELECT /* drop table */ script, REPLACE(host, 'a', 'b') FROM registration_events"})
    void accepts_one_read_only_query(String sql) {
        Either<QueryRefused, String> checked = ReadOnlyStatementCheck.check(sql);
        assertTrue(checked.isRight(), () -> checked.getLeft().message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t VALUES (1)|not INSERT",
        "delete from host_scan|not DELETE",
        "SELECT 1; DROP TABLE host_scan|only one statement",
        "SELECT 1;;SELECT 2|only one statement",
        "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone|contains DELETE",
        "SELECT * INTO copy FROM host_scan|contains INTO",
        "SELECT * FROM host_scan FOR UPDATE|contains UPDATE",
        "SELECT CSVWRITE('/tmp/x', 'SELECT 1')|function CSVWRITE",
        "SELECT pg_read_file('/etc/passwd')|function PG_READ_FILE",
        "SELECT nextval('s')|function NEXTVAL",
        "SELECT $$text$$|dollar-quoted",
        "SELECT 'open|not closed",
        "SELECT /* open|not closed",
        "SCRIPT TO '/tmp/dump.sql'|not SCRIPT",
        "'   '|empty"})
    void refuses_anything_else_saying_why(String sql, String reason) {
        Either<QueryRefused, String> checked = ReadOnlyStatementCheck.check(sql);
        assertTrue(checked.isLeft(), sql);
        assertTrue(checked.getLeft() instanceof QueryRefused.NotReadOnly);
        assertTrue(checked.getLeft().message().startsWith("refused: "), checked.getLeft().message());
        assertTrue(checked.getLeft().message().contains(reason), checked.getLeft().message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1;", "SELECT 1 ; ;"})
    void drops_trailing_semicolons(String sql) {
        assertEquals("SELECT 1", ReadOnlyStatementCheck.check(sql).get());
    }
}

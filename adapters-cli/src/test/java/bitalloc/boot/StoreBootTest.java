package bitalloc.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.cli.BitallocCli;
import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.ram.Ram;
import com.google.inject.Injector;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end: real Guice wiring, real H2 file, real migrations. */
class StoreBootTest {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:00Z");

    @TempDir
    Path directory;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int bitalloc(Map<String, String> environment, String... args) {
        CommandLine commandLine = BitallocCli.commandLine(new StoreBoot(environment::get), new Simulations(environment::get),
                new LiveGame(environment::get), Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void the_strict_injector_provides_every_store_port() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:h2:file:" + directory.resolve("ports")).get();
        Injector injector = StoreBoot.injector(url);
        for (Class<?> port : new Class<?>[] {StateStore.class, Transactions.class, HistoryLog.class,
            ReadOnlyQuery.class}) {
            assertTrue(port.isInstance(injector.getInstance(port)), port.getName());
        }
        injector.getInstance(HistoryLog.class).close();
        injector.getInstance(Database.class).close();
    }

    @Test
    void sql_and_history_answer_from_what_the_service_wrote() {
        String url = "jdbc:h2:file:" + directory.resolve("history");
        Injector injector = StoreBoot.injector(DatabaseUrl.parse(url).get());
        try (HistoryLog history = injector.getInstance(HistoryLog.class);
             Database database = injector.getInstance(Database.class)) {
            for (int poll = 0; poll < 3; poll++) {
                history.append(new HistoryEvent.HostScanned(T0.plusSeconds(2L * poll), GameSession.FIRST,
                        HostName.of("pserv-0"), HostKind.PURCHASED, Ram.ofGb(64), Ram.ZERO, Ram.ofGb(40),
                        Ram.ofGb(32), Ram.ofGb(0), Ram.ZERO, Ram.ofGb(8), Ram.ofGb(24), 4));
            }
            history.flush();
        }
        assertEquals(0, bitalloc(Map.of(), "sql", "SELECT host, max_gb, allocated_gb FROM host_scans LIMIT 1",
                "--db", url), err::toString);
        assertEquals("host    | max_gb | allocated_gb\n--------+--------+-------------\npserv-0 |  64.00 |        32.00\n"
                + "(1 row)\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, bitalloc(Map.of(), "history", "utilisation", "--since", "2h", "--db", url, "--format", "csv"),
                err::toString);
        assertEquals("host,kind,scans,avg_allocated_gb,avg_usable_gb,utilization\n"
                + "pserv-0,PURCHASED,3,32.00,64.00,0.5000\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, bitalloc(Map.of(), "history", "clashes", "--db", url), err::toString);
        assertTrue(out.toString().endsWith("(0 rows)\n"), out.toString());
        assertEquals(0, bitalloc(Map.of(), "history", "outcomes", "--db", url), err::toString);
    }

    @Test
    void the_default_store_is_an_h2_file_in_the_per_user_data_directory() {
        Path home = directory.resolve("bitalloc-home");
        assertEquals(0, bitalloc(Map.of("BITALLOC_HOME", home.toString()), "sql", "SELECT COUNT(*) AS n FROM task_events"),
                err::toString);
        assertTrue(Files.exists(home.resolve("bitalloc.mv.db")));
        assertTrue(out.toString().contains("(1 row)"), out.toString());
    }

    @Test
    void errors_exit_non_zero_with_one_line_on_stderr() {
        String url = "jdbc:h2:file:" + directory.resolve("errors");
        assertEquals(3, bitalloc(Map.of(), "sql", "DROP TABLE host_scan", "--db", url));
        assertEquals(4, bitalloc(Map.of(), "sql", "SELECT nope FROM host_scans", "--db", url));
        assertEquals(5, bitalloc(Map.of(), "sql", "SELECT 1", "--db", "jdbc:mysql://localhost/x"));
        assertEquals(5, bitalloc(Map.of(), "sql", "SELECT 1", "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"));
        assertEquals(4, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().lines().allMatch(line -> line.startsWith("bitalloc: ")), err.toString());
    }

    @Test
    void an_unreachable_database_names_the_url_in_its_reason() {
        String reason = new StoreBoot(name -> null).openForQueries(
                Option.some("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2")).getLeft();
        assertTrue(reason.startsWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/none"), reason);
    }
}

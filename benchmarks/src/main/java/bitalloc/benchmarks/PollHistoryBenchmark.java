package bitalloc.benchmarks;

import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.adapters.persistence.SqlHistory;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ReportScan;
import bitalloc.application.port.out.AllocationIds;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.application.port.out.ScanListener;
import bitalloc.application.port.out.Scheduler;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.memory.InMemoryStateStore;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.application.wiring.ApplicationModule;
import bitalloc.domain.allocation.Allocation;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.game.Player;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.scan.ScanReport;
import bitalloc.domain.tag.AllocationTags;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The poll loop's time per scan through the application (ReportScan: ledger, durable state, history, selector)
 * with the history off (events counted and dropped) and on (batched into an H2 file by the persistence
 * adapter's writer thread). Issue 5 asks that history makes the poll loop at most 10 % slower.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PollHistoryBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}
 * 100 hosts × 1,000 processes (half tagged with live allocations, the rest foreign).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PollHistoryBenchmark {

    private static final int HOSTS = 100;
    private static final int PROCESSES_PER_HOST = 1000;
    private static final Ram CHUNK = Ram.parse("1.75");

    @Param({"off", "on"})
    public String history;

    private final Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    private Injector injector;
    private HistoryLog historyLog;
    private Database database;
    private Path directory;
    private final java.util.List<NetworkScan> scans = new ArrayList<>();
    private int poll;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (history.equals("on")) {
            directory = Files.createTempDirectory("bitalloc-poll-bench");
            database = Database.open(DatabaseUrl.parse("jdbc:h2:file:" + directory.resolve("db")).get());
            historyLog = SqlHistory.open(database);
        } else {
            historyLog = new DroppedHistory();
        }
        long[] ids = {0};
        InMemoryStateStore store = new InMemoryStateStore();
        injector = Guice.createInjector(new ApplicationModule(BitallocConfig.defaults()), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(() -> now[0]);
                bind(Scheduler.class).toInstance((period, task) -> { });
                bind(ProcessTable.class).toInstance(() -> scans.get(0));
                bind(Launcher.class).toInstance(new IdleLauncher());
                bind(GameState.class).toInstance(new NoTargets());
                bind(AllocationIds.class).toInstance(() -> new AllocationId(new UUID(9, ++ids[0])));
                bind(ScanListener.class).toInstance(ScanListener.NONE);
                bind(StateStore.class).toInstance(store);
                bind(Transactions.class).toInstance(store);
                bind(HistoryLog.class).toInstance(historyLog);
            }
        });
        java.util.List<HostName> names = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            names.add(HostName.of("pserv-" + h));
        }
        ReportScan report = injector.getInstance(ReportScan.class);
        report.report(new ReportScan.Command(new NetworkScan(GameSession.FIRST,
                List.ofAll(names).map(name -> snapshot(name, List.empty())))));
        AllocateRam allocate = injector.getInstance(AllocateRam.class);
        java.util.List<Allocation> allocations = new ArrayList<>();
        for (int a = 0; a < HOSTS * 10; a++) {
            allocations.add(allocate.allocate(new AllocateRam.Command(AllocationRequest.of(
                    new Requester(names.get(0), Pid.of(1)), "hack.js", CHUNK, 50).asContiguous())).get());
        }
        for (int copy = 0; copy < 2; copy++) {
            long pid = 2;
            java.util.List<HostSnapshot> hosts = new ArrayList<>();
            for (HostName name : names) {
                java.util.List<ProcessSnapshot> processes = new ArrayList<>();
                List<Allocation> here = List.ofAll(allocations).filter(a -> a.grants().head().host().equals(name));
                for (int p = 0; p < PROCESSES_PER_HOST; p++) {
                    boolean tagged = p % 2 == 0 && !here.isEmpty();
                    List<String> args = tagged
                            ? List.of("n00dles", AllocationTags.FLAG + "=" + here.get(p % here.size()).id())
                            : List.of("manual", String.valueOf(p));
                    processes.add(new ProcessSnapshot(Pid.of(pid++), tagged ? "hack.js" : "manual.js", 1,
                            tagged ? CHUNK : Ram.parse("0.10"), args));
                }
                hosts.add(snapshot(name, List.ofAll(processes)));
            }
            scans.add(new NetworkScan(GameSession.FIRST, List.ofAll(hosts)));
        }
    }

    /**
     * Polls come every 2 s in the game, and the writer needs far less than that for one poll's rows, so each
     * measured poll starts with the previous poll's history written (the wait itself is not measured).
     */
    @Setup(Level.Invocation)
    public void previousPollWritten() {
        historyLog.flush();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        historyLog.close();
        if (database != null) {
            database.close();
        }
    }

    @Benchmark
    public ScanReport pollWithHistory() {
        poll++;
        now[0] = now[0].plus(Duration.ofSeconds(2));
        return injector.getInstance(ReportScan.class).report(new ReportScan.Command(scans.get(poll & 1)));
    }

    private static HostSnapshot snapshot(HostName name, List<ProcessSnapshot> processes) {
        Ram used = processes.foldLeft(Ram.ZERO, (sum, process) -> sum.plus(process.ram()));
        return new HostSnapshot(name, HostKind.PURCHASED, 1, Ram.ofGb(4096), used, processes);
    }

    /** History off: the events are built, as with history on, and dropped. */
    private static final class DroppedHistory implements HistoryLog {
        @Override
        public void append(HistoryEvent event) {
            // dropped on purpose: this is the baseline
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class IdleLauncher implements Launcher {
        @Override
        public Either<LaunchFailure, Pid> launch(HostName host, String script, int threads, List<String> args) {
            return Either.left(LaunchFailure.UNREACHABLE);
        }

        @Override
        public boolean kill(Pid pid) {
            return false;
        }
    }

    private static final class NoTargets implements GameState {
        @Override
        public Player player() {
            return Player.atLevel(1);
        }

        @Override
        public List<bitalloc.domain.game.TargetServer> targets() {
            return List.empty();
        }
    }
}

package bitalloc.benchmarks;

import bitalloc.adapters.persistence.BatchingHistoryLog;
import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.adapters.persistence.SqlHistory;
import bitalloc.application.port.out.history.HistoryEvent;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.ram.Ram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * History rows written per second into an H2 file through the SQL history log (queue, writer thread, JDBC batch
 * inserts): the score is rows per second. One invocation appends one poll's worth of host scans for many polls
 * and waits until they are all written.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HistoryWriteBenchmark -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HistoryWriteBenchmark {

    static final int ROWS = 20_000;
    static final int HOSTS = 100;

    private Path directory;
    private Database database;
    private BatchingHistoryLog history;
    private HistoryEvent[] scans;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("bitalloc-bench");
        database = Database.open(DatabaseUrl.parse("jdbc:h2:file:" + directory.resolve("bitalloc")).get());
        history = SqlHistory.open(database);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        scans = new HistoryEvent[ROWS];
        for (int i = 0; i < ROWS; i++) {
            scans[i] = new HistoryEvent.HostScanned(start.plusMillis(2000L * (i / HOSTS)), GameSession.FIRST,
                    HostName.of("pserv-" + (i % HOSTS)), HostKind.PURCHASED, Ram.ofGb(1024), Ram.ZERO,
                    Ram.ofHundredths(i % 100_000), Ram.ofHundredths(i % 50_000), Ram.ofGb(1), Ram.ofGb(1),
                    Ram.ofGb(8), Ram.ofGb(900), i % 40);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void hostScanRowsIntoH2File() {
        for (HistoryEvent scan : scans) {
            history.append(scan);
        }
        history.flush();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        history.close();
        database.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}

package bitalloc.application.service;

import bitalloc.application.port.in.ReportScan;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ScanListener;
import bitalloc.application.port.out.history.HistoryEvent.HostScanned;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChange;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChanged;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.application.port.out.state.Transactions;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.DroppedRegistration;
import bitalloc.domain.scan.ExpiredAllocation;
import bitalloc.domain.scan.HostScanResult;
import bitalloc.domain.scan.ScanReport;
import bitalloc.domain.selection.SelectorEvent;
import bitalloc.domain.selection.SelectorState;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One poll's process tables into the ledger (A6), the durable state and the history, then into the selector:
 * task processes seen (T8), exits of task processes (T6), a game reload.
 */
@Singleton
public final class ReportScanService implements ReportScan {

    private final Engine engine;
    private final Clock clock;
    private final StateStore store;
    private final Transactions transactions;
    private final HistoryLog history;
    private final AllocationJournal journal;
    private final TaskHosts taskHosts;
    private final TaskProcesses taskProcesses;
    private final CommandRunner commands;
    private final ScanListener listener;
    /** Hosts as last saved: a host is written again only when its identity or size changes. */
    private final Map<HostName, StoredHost> savedHosts = new HashMap<>();

    @Inject
    public ReportScanService(Engine engine, Clock clock, StateStore store, Transactions transactions,
                             HistoryLog history, AllocationJournal journal, TaskHosts taskHosts,
                             TaskProcesses taskProcesses, CommandRunner commands, ScanListener listener) {
        this.listener = listener;
        this.engine = engine;
        this.clock = clock;
        this.store = store;
        this.transactions = transactions;
        this.history = history;
        this.journal = journal;
        this.taskHosts = taskHosts;
        this.taskProcesses = taskProcesses;
        this.commands = commands;
    }

    @Override
    public ScanReport report(Command command) {
        ScanReport report = engine.locked(() -> apply(command.scan(), clock.now()));
        commands.runQueued();
        return report;
    }

    private ScanReport apply(NetworkScan scan, Instant now) {
        boolean reloaded = !scan.session().equals(engine.session()) && engine.allocator().session().isDefined();
        engine.enterSession(scan.session());
        // Wall time on purpose: this measures our own CPU cost (scan_ns_per_process), not game time.
        long started = System.nanoTime();
        ScanReport report = engine.allocator().scan(scan.session(), scan.hosts(), now);
        long classifyNanos = System.nanoTime() - started;
        listener.scanned(report, engine.allocator().ledger(), classifyNanos);
        transactions.inTransaction(() -> persist(report, scan, now));
        recordHosts(report, now);
        if (reloaded || report.sessionChanged()) {
            taskHosts.forgetAllPids();
            engine.feed(new SelectorEvent.GameReloaded(), now);
        }
        feedTaskProcesses(scan, report, now);
        return report;
    }

    private void persist(ScanReport report, NetworkScan scan, Instant now) {
        for (ExpiredAllocation expired : report.expired()) {
            journal.reclaimed(expired.allocation(), scan.session(), now);
        }
        for (DroppedRegistration dropped : report.droppedRegistrations()) {
            store.removeRegistration(dropped.registration().session(), dropped.registration().pid());
            history.append(new RegistrationChanged(now, scan.session(), RegistrationChange.AGED_OUT,
                    dropped.registration().host(), dropped.registration().pid(), dropped.reason().name(),
                    dropped.registration().ram()));
        }
        // Written so a stored grant never holds more claimed chunks than it has once its allocation shrinks.
        report.droppedClaims().forEach(journal::claimDropped);
        for (HostSnapshot host : scan.hosts()) {
            saveHostIfChanged(host, now);
        }
    }

    private void saveHostIfChanged(HostSnapshot host, Instant now) {
        StoredHost previous = savedHosts.get(host.host());
        if (previous != null && previous.kind() == host.kind() && previous.cores() == host.cores()
                && previous.maxRam().equals(host.maxRam())) {
            return;
        }
        HostLedgerView line = engine.allocator().ledger(host.host()).get();
        StoredHost stored = new StoredHost(host.host(), host.kind(), host.cores(), host.maxRam(), line.setAside(),
                host.usedRam(), line.foreign(), line.reserved(), line.margin(), Option.some(now));
        store.saveHost(stored);
        savedHosts.put(host.host(), stored);
    }

    private void recordHosts(ScanReport report, Instant now) {
        for (HostScanResult result : report.hosts()) {
            HostLedgerView line = engine.allocator().ledger(result.host()).get();
            history.append(new HostScanned(now, report.session(), result.host(), line.kind(), line.maxRam(),
                    line.setAside(), result.used(), line.allocated(), result.foreign(), result.reserved(),
                    result.margin(), result.effectiveFree(), result.processes()));
        }
    }

    /** Task scripts seen keep pending launches alive and reveal tasks after a restart; exits end tasks early. */
    private void feedTaskProcesses(NetworkScan scan, ScanReport report, Instant now) {
        for (TaskProcesses.Seen seen : taskProcesses.in(scan)) {
            taskHosts.runsOn(seen.pid(), seen.host());
            engine.feed(new SelectorEvent.TaskProcessSeen(seen.pid(), seen.script(), seen.host(), seen.target(),
                    seen.lifecycle()), now);
        }
        Set<Pid> taskPids = taskPids(engine.selector());
        report.exited().forEach(exited -> {
            if (taskPids.contains(exited.pid())) {
                taskHosts.forget(exited.pid());
                engine.feed(new SelectorEvent.ProcessExited(exited.pid()), now);
            }
        });
    }

    private static Set<Pid> taskPids(SelectorState selector) {
        Set<Pid> pids = new HashSet<>();
        selector.targets().valuesIterator().forEach(target -> target.task().pid().forEach(pids::add));
        return pids;
    }
}

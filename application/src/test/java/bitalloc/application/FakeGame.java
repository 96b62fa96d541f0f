package bitalloc.application;

import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.Security;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny game for application tests: hosts with exact RAM, processes that hold it, a launcher that refuses
 * exactly when the game would, and targets whose state the test changes.
 */
final class FakeGame implements ProcessTable, Launcher, GameState {

    record Process(Pid pid, HostName host, String script, int threads, Ram ramPerThread, List<String> args) {
        Ram ram() {
            return ramPerThread.times(threads);
        }
    }

    private final Map<HostName, Ram> maxRam = new LinkedHashMap<>();
    private final Map<Pid, Process> processes = new LinkedHashMap<>();
    private final Map<HostName, TargetServer> targets = new LinkedHashMap<>();
    private final Map<String, Ram> scriptRam = new LinkedHashMap<>();
    private GameSession session = GameSession.FIRST;
    private long nextPid = 1;
    int refusedForRam;
    /** What the game was asked to do, in order: "launch <script>" and "kill <script>", refused launches too. */
    final java.util.List<String> log = new java.util.ArrayList<>();
    private boolean freesAtOnce;

    FakeGame host(String name, long gb) {
        maxRam.put(HostName.of(name), Ram.ofGb(gb));
        return this;
    }

    FakeGame script(String file, String gb) {
        scriptRam.put(file, Ram.parse(gb));
        return this;
    }

    /** Kills free RAM before they return, as the game's own ns.kill does. */
    FakeGame killingAtOnce() {
        freesAtOnce = true;
        return this;
    }

    FakeGame target(TargetServer server) {
        targets.put(server.name(), server);
        return this;
    }

    void setTarget(TargetServer server) {
        targets.put(server.name(), server);
    }

    TargetServer target(HostName name) {
        return targets.get(name);
    }

    List<Process> running() {
        return List.ofAll(processes.values());
    }

    void exit(Pid pid) {
        processes.remove(pid);
    }

    Ram used(HostName host) {
        return List.ofAll(processes.values()).filter(p -> p.host().equals(host)).foldLeft(Ram.ZERO,
                (sum, p) -> sum.plus(p.ram()));
    }

    void reload() {
        processes.clear();
        nextPid = 1;
        session = session.next();
    }

    @Override
    public NetworkScan scan() {
        List<HostSnapshot> hosts = List.ofAll(maxRam.entrySet()).map(entry -> new HostSnapshot(entry.getKey(),
                entry.getKey().value().equals("home") ? HostKind.HOME : HostKind.NETWORK, 1, entry.getValue(),
                used(entry.getKey()),
                running().filter(p -> p.host().equals(entry.getKey())).map(p ->
                        new ProcessSnapshot(p.pid(), p.script(), p.threads(), p.ramPerThread(), p.args()))));
        return new NetworkScan(session, hosts);
    }

    @Override
    public Either<LaunchFailure, Pid> launch(HostName host, String script, int threads, List<String> args) {
        log.add("launch " + script);
        Ram perThread = scriptRam.get(script);
        if (perThread == null) {
            return Either.left(LaunchFailure.SCRIPT_MISSING);
        }
        Ram free = maxRam.get(host).minus(used(host));
        if (perThread.times(threads).isGreaterThan(free)) {
            refusedForRam++;
            return Either.left(LaunchFailure.NOT_ENOUGH_RAM);
        }
        Pid pid = Pid.of(nextPid++);
        processes.put(pid, new Process(pid, host, script, threads, perThread, args));
        return Either.right(pid);
    }

    @Override
    public boolean kill(Pid pid) {
        Process ended = processes.remove(pid);
        if (ended != null) {
            log.add("kill " + ended.script());
        }
        return ended != null;
    }

    @Override
    public boolean killsAtOnce() {
        return freesAtOnce;
    }

    @Override
    public Player player() {
        return Player.atLevel(100);
    }

    @Override
    public List<TargetServer> targets() {
        return List.ofAll(targets.values());
    }

    static TargetServer server(String name, double security, double minSecurity, double money, double maxMoney) {
        return new TargetServer(HostName.of(name), 1, Security.of(security), Security.of(minSecurity),
                Money.of(money), Money.of(maxMoney), 40);
    }
}

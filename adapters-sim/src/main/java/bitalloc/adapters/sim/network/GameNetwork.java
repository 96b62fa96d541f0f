package bitalloc.adapters.sim.network;

import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The game's process world: hosts, hacking targets, the pid counter and the game session. exec, kill and
 * reload behave as Bitburner 2.8 does (BITBURNER.md §1, §2, §6): a start fits exactly when needed ≤ max − used,
 * RAM is booked at exec and freed the moment a process ends, pids only grow within a session and restart at 1
 * after a reload.
 */
public final class GameNetwork {

    private final Simulation simulation;
    private final Map<HostName, SimHost> hosts;
    private final java.util.List<SimHost> usableHosts;
    private final Map<HostName, SimTarget> targets;
    private final Map<Long, SimProcess> byPid = new HashMap<>();
    private final java.util.List<NetworkObserver> observers = new ArrayList<>();
    private GameSession session = GameSession.FIRST;
    private long nextPid = 1;

    GameNetwork(Simulation simulation, Map<HostName, SimHost> hosts, Map<HostName, SimTarget> targets) {
        this.simulation = simulation;
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        java.util.List<SimHost> usable = new ArrayList<>();
        for (SimHost host : this.hosts.values()) {
            if (host.usable()) {
                usable.add(host);
            }
        }
        this.usableHosts = Collections.unmodifiableList(usable);
    }

    public void observe(NetworkObserver observer) {
        observers.add(observer);
    }

    public GameSession session() {
        return session;
    }

    public Collection<SimHost> hosts() {
        return hosts.values();
    }

    /** Rooted hosts with RAM, in a fixed order: home, purchased servers, hacknet, then network servers. */
    public java.util.List<SimHost> usableHosts() {
        return usableHosts;
    }

    public Option<SimHost> host(HostName name) {
        return Option.of(hosts.get(name));
    }

    public SimHost home() {
        return hosts.get(HostName.of("home"));
    }

    public Collection<SimTarget> targets() {
        return targets.values();
    }

    public Option<SimTarget> target(HostName name) {
        return Option.of(targets.get(name));
    }

    public Option<SimProcess> process(Pid pid) {
        return Option.of(byPid.get(pid.value()));
    }

    public int processCount() {
        return byPid.size();
    }

    /** Every live process, in no particular order. */
    public Collection<SimProcess> processes() {
        return Collections.unmodifiableCollection(byPid.values());
    }

    /**
     * Starts a process the way ns.exec does: unknown host, missing root or short RAM give a failure (pid 0);
     * otherwise the RAM is booked, the pid issued and the behaviour started.
     */
    public Either<LaunchFailure, SimProcess> exec(HostName hostName, String script, int threads, Ram ramPerThread,
                                                  List<String> args, Owner owner, boolean foreignToBitalloc,
                                                  ProcessBehaviour behaviour) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        SimHost host = hosts.get(hostName);
        if (host == null) {
            return Either.left(LaunchFailure.UNREACHABLE);
        }
        if (!host.rooted()) {
            return Either.left(LaunchFailure.NO_ROOT);
        }
        long needed = ramPerThread.times(threads).hundredths();
        if (!host.fits(needed)) {
            refuse(host, owner, needed);
            return Either.left(LaunchFailure.NOT_ENOUGH_RAM);
        }
        Pid pid = Pid.of(nextPid++);
        SimProcess process = new SimProcess(pid, host, script, threads, ramPerThread, args, owner, foreignToBitalloc,
                behaviour, simulation.now());
        host.add(process);
        byPid.put(pid.value(), process);
        simulation.trace().add(script, 1, simulation.now(), pid.value(), host.index(), needed);
        for (NetworkObserver observer : observers) {
            observer.hostRamChanged(host);
            observer.processStarted(process);
        }
        behaviour.onStart(process);
        return Either.right(process);
    }

    /** ns.kill(pid): true when the pid named a live process. */
    public boolean kill(Pid pid) {
        SimProcess process = byPid.get(pid.value());
        if (process == null) {
            return false;
        }
        end(process, ExitCause.KILLED);
        return true;
    }

    /** Ends a live process for the given cause; ending a dead one is a no-op. */
    public void end(SimProcess process, ExitCause cause) {
        if (!process.alive()) {
            return;
        }
        if (cause == ExitCause.RELOAD) {
            throw new IllegalArgumentException("a reload ends every process at once: use reload()");
        }
        SimHost host = process.host();
        host.remove(process);
        byPid.remove(process.pid().value());
        process.markDead();
        simulation.trace().add(process.script(), 2, simulation.now(), process.pid().value(), cause.ordinal());
        for (NetworkObserver observer : observers) {
            observer.hostRamChanged(host);
            observer.processEnded(process, cause);
        }
        process.behaviour().onEnd(process, cause);
    }

    /** Share RAM held with no process (the faction share UI); fails like a start when RAM is short. */
    public boolean holdShare(HostName hostName, Ram ram) {
        SimHost host = hosts.get(hostName);
        if (host == null || !host.usable()) {
            return false;
        }
        long needed = ram.hundredths();
        if (!host.fits(needed)) {
            refuse(host, Owner.PLAYER, needed);
            return false;
        }
        host.holdShare(needed);
        simulation.trace().add(3, simulation.now(), host.index(), needed);
        for (NetworkObserver observer : observers) {
            observer.hostRamChanged(host);
            observer.shareHeld(host, needed);
        }
        return true;
    }

    /** Drops share RAM taken earlier; share taken before a reload is already gone, so the amount is capped. */
    public void releaseShare(HostName hostName, Ram ram) {
        SimHost host = hosts.get(hostName);
        long amount = Math.min(ram.hundredths(), host.shareRamHundredths());
        if (amount == 0) {
            return;
        }
        host.releaseShare(amount);
        simulation.trace().add(4, simulation.now(), host.index(), amount);
        for (NetworkObserver observer : observers) {
            observer.hostRamChanged(host);
        }
    }

    /**
     * A page reload: every process is gone with no atExit, share RAM is dropped, the session advances and pids
     * start again at 1.
     */
    public void reload() {
        for (SimHost host : hosts.values()) {
            host.clear();
        }
        byPid.clear();
        session = session.next();
        nextPid = 1;
        simulation.trace().add(5, simulation.now(), session.value());
        for (NetworkObserver observer : observers) {
            for (SimHost host : hosts.values()) {
                observer.hostRamChanged(host);
            }
            observer.gameReloaded();
        }
    }

    private void refuse(SimHost host, Owner owner, long needed) {
        boolean bitallocHeldTheRam = needed <= host.maxRamHundredths() - host.foreignRamHundredths();
        simulation.trace().add(6, simulation.now(), host.index(), needed, owner.ordinal());
        for (NetworkObserver observer : observers) {
            observer.startRefused(host, owner, needed, bitallocHeldTheRam);
        }
    }
}

package bitalloc.adapters.sim.network;

import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** A running process: what ps shows (cached as a snapshot, built once) plus the simulator's ground truth. */
public final class SimProcess {

    private final Pid pid;
    private final SimHost host;
    private final ProcessSnapshot snapshot;
    private final long ramHundredths;
    private final Owner owner;
    private final boolean foreignToBitalloc;
    private final ProcessBehaviour behaviour;
    private final long startedAtMillis;
    private boolean alive = true;
    private int slot;

    SimProcess(Pid pid, SimHost host, String script, int threads, Ram ramPerThread, List<String> args, Owner owner,
               boolean foreignToBitalloc, ProcessBehaviour behaviour, long startedAtMillis) {
        this.pid = pid;
        this.host = host;
        this.snapshot = new ProcessSnapshot(pid, script, threads, ramPerThread, args);
        this.ramHundredths = snapshot.ram().hundredths();
        this.owner = owner;
        this.foreignToBitalloc = foreignToBitalloc;
        this.behaviour = behaviour;
        this.startedAtMillis = startedAtMillis;
    }

    public Pid pid() {
        return pid;
    }

    public SimHost host() {
        return host;
    }

    public String script() {
        return snapshot.script();
    }

    public int threads() {
        return snapshot.threads();
    }

    public List<String> args() {
        return snapshot.args();
    }

    public ProcessSnapshot snapshot() {
        return snapshot;
    }

    public long ramHundredths() {
        return ramHundredths;
    }

    public Owner owner() {
        return owner;
    }

    /** True for the player's scripts and for our helpers that lost their tag: what a correct scan calls foreign. */
    public boolean foreignToBitalloc() {
        return foreignToBitalloc;
    }

    public ProcessBehaviour behaviour() {
        return behaviour;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public boolean alive() {
        return alive;
    }

    int slot() {
        return slot;
    }

    void slot(int index) {
        slot = index;
    }

    void markDead() {
        alive = false;
    }

    @Override
    public String toString() {
        return "pid " + pid + " " + snapshot.script() + " x" + snapshot.threads() + " on " + host.name();
    }
}

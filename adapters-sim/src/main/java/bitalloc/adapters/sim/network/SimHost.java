package bitalloc.adapters.sim.network;

import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import java.util.Arrays;
import java.util.Collections;

/**
 * A server that can run scripts. RAM is kept in exact hundredths of a GB, as the game rounds it. Besides what the
 * game reports (max, used) it keeps the ground truth split of used RAM: bitalloc's processes versus foreign
 * RAM (the player's processes and share RAM held with no process).
 */
public final class SimHost {

    private final int index;
    private final HostName name;
    private final HostKind kind;
    private final int cores;
    private final long maxRam;
    private final boolean rooted;
    /** Live processes in slots (swap-remove keeps add and remove O(1)); snapshots mirror them for fast scans. */
    private SimProcess[] slots = new SimProcess[8];
    private ProcessSnapshot[] snapshots = new ProcessSnapshot[8];
    private int count;
    private long usedRam;
    private long bitallocRam;
    private long playerProcessRam;
    private long shareRam;
    private long version;
    private long snapshotVersion = -1;
    private HostSnapshot snapshot;

    SimHost(int index, HostName name, HostKind kind, int cores, long maxRamHundredths, boolean rooted) {
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.cores = Math.max(1, cores);
        this.maxRam = maxRamHundredths;
        this.rooted = rooted;
    }

    /** Dense index among the network's hosts, for per-host arrays in metrics. */
    public int index() {
        return index;
    }

    public HostName name() {
        return name;
    }

    public HostKind kind() {
        return kind;
    }

    public int cores() {
        return cores;
    }

    public boolean rooted() {
        return rooted;
    }

    /** Rooted and with some RAM: a host bitalloc may use and the scan reports. */
    public boolean usable() {
        return rooted && maxRam > 0;
    }

    public long maxRamHundredths() {
        return maxRam;
    }

    public long usedRamHundredths() {
        return usedRam;
    }

    public long freeRamHundredths() {
        return maxRam - usedRam;
    }

    /** RAM held by bitalloc's processes (ground truth, tag or no tag). */
    public long bitallocRamHundredths() {
        return bitallocRam;
    }

    /** RAM held by the player: their processes plus share RAM. */
    public long foreignRamHundredths() {
        return playerProcessRam + shareRam;
    }

    public long shareRamHundredths() {
        return shareRam;
    }

    public int processCount() {
        return count;
    }

    /** The live processes, as a read-only view (do not hold it across events). */
    public java.util.List<SimProcess> processes() {
        return Collections.unmodifiableList(Arrays.asList(slots).subList(0, count));
    }

    /** The game's free-RAM test: a start fits exactly when needed ≤ max − used. */
    boolean fits(long neededHundredths) {
        return neededHundredths <= maxRam - usedRam;
    }

    void add(SimProcess process) {
        if (count == slots.length) {
            slots = Arrays.copyOf(slots, count * 2);
            snapshots = Arrays.copyOf(snapshots, count * 2);
        }
        slots[count] = process;
        snapshots[count] = process.snapshot();
        process.slot(count++);
        book(process, +1);
    }

    void remove(SimProcess process) {
        int slot = process.slot();
        SimProcess last = slots[--count];
        slots[slot] = last;
        snapshots[slot] = snapshots[count];
        last.slot(slot);
        slots[count] = null;
        snapshots[count] = null;
        book(process, -1);
    }

    private void book(SimProcess process, int sign) {
        long ram = sign * process.ramHundredths();
        usedRam += ram;
        if (process.owner() == Owner.BITALLOC) {
            bitallocRam += ram;
        } else {
            playerProcessRam += ram;
        }
        version++;
    }

    void holdShare(long ram) {
        shareRam += ram;
        usedRam += ram;
        version++;
    }

    void releaseShare(long ram) {
        shareRam -= ram;
        usedRam -= ram;
        version++;
    }

    /** A reload empties the host: no process survives and share RAM is dropped. */
    void clear() {
        for (int i = 0; i < count; i++) {
            slots[i].markDead();
            slots[i] = null;
            snapshots[i] = null;
        }
        count = 0;
        usedRam = 0;
        bitallocRam = 0;
        playerProcessRam = 0;
        shareRam = 0;
        version++;
    }

    /** What a poll sees; rebuilt only when the host changed since the last scan. */
    public HostSnapshot snapshot() {
        if (snapshotVersion != version) {
            ProcessSnapshots.Builder table = ProcessSnapshots.builder(count);
            for (int i = 0; i < count; i++) {
                table.add(snapshots[i]);
            }
            snapshot = new HostSnapshot(name, kind, cores, Ram.ofHundredths(maxRam), Ram.ofHundredths(usedRam),
                    table.build());
            snapshotVersion = version;
        }
        return snapshot;
    }

    @Override
    public String toString() {
        return name + " " + Ram.ofHundredths(usedRam) + "/" + Ram.ofHundredths(maxRam);
    }
}

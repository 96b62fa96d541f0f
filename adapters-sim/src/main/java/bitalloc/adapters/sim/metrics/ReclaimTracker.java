package bitalloc.adapters.sim.metrics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * DESIGN.md §7 {@code reclaim_polls}: for each exit of a process foreign to bitalloc, the number of polls until
 * the host's RAM available to bitalloc (effective free + bitalloc's own allocated RAM before the clamp at zero,
 * as the wiring reports it after each poll) has risen, against the last poll before the exit, by the exit's RAM less foreign RAM started
 * on the host since that poll. Counting bitalloc's allocated RAM in keeps allocations made between two polls from
 * hiding the rise. Exits not reclaimed after the give-up count are recorded with that count; exits on a host no
 * poll has seen yet are not tracked; a game reload drops what is pending.
 */
public final class ReclaimTracker {

    private final int giveUpPolls;
    private final boolean[] observed;
    private final long[] lastObserved;
    private final long[] foreignStarted;
    private final long[] foreignStartedAtLastPoll;
    private final List<List<Pending>> pending;
    private final Samples polls = new Samples();

    public ReclaimTracker(int hostCount, int giveUpPolls) {
        this.giveUpPolls = giveUpPolls;
        this.observed = new boolean[hostCount];
        this.lastObserved = new long[hostCount];
        this.foreignStarted = new long[hostCount];
        this.foreignStartedAtLastPoll = new long[hostCount];
        this.pending = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            pending.add(new ArrayList<>(0));
        }
    }

    public void foreignStarted(int host, long ram) {
        foreignStarted[host] += ram;
    }

    public void foreignExited(int host, long ram) {
        if (observed[host]) {
            pending.get(host).add(new Pending(ram, lastObserved[host], foreignStartedAtLastPoll[host]));
        }
    }

    /** One poll's view of a host: effective free plus bitalloc's allocated RAM there, in hundredths, before any clamp. */
    public void observe(int host, long availableToBitalloc) {
        List<Pending> open = pending.get(host);
        if (!open.isEmpty()) {
            Iterator<Pending> it = open.iterator();
            while (it.hasNext()) {
                Pending exit = it.next();
                exit.polls++;
                long needed = exit.ram - (foreignStarted[host] - exit.foreignStartedAtBaseline);
                if (availableToBitalloc - exit.baseline >= needed || exit.polls >= giveUpPolls) {
                    polls.add(exit.polls);
                    it.remove();
                }
            }
        }
        observed[host] = true;
        lastObserved[host] = availableToBitalloc;
        foreignStartedAtLastPoll[host] = foreignStarted[host];
    }

    public void gameReloaded() {
        for (int i = 0; i < lastObserved.length; i++) {
            observed[i] = false;
            pending.get(i).clear();
        }
    }

    /** At the end: exits already past their first poll count with a lower bound (polls so far + 1). */
    public void close() {
        for (List<Pending> open : pending) {
            for (Pending exit : open) {
                if (exit.polls >= 1) {
                    polls.add(exit.polls + 1L);
                }
            }
            open.clear();
        }
    }

    public Samples polls() {
        return polls;
    }

    private static final class Pending {
        private final long ram;
        private final long baseline;
        private final long foreignStartedAtBaseline;
        private int polls;

        Pending(long ram, long baseline, long foreignStartedAtBaseline) {
            this.ram = ram;
            this.baseline = baseline;
            this.foreignStartedAtBaseline = foreignStartedAtBaseline;
        }
    }
}

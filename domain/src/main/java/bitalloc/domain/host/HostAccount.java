package bitalloc.domain.host;

import bitalloc.domain.estimate.ForeignObservation;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The mutable ledger line of one host. Amounts are kept as hundredths of a GB in plain longs because the allocator
 * reads them on every placement; effective free RAM is derived on demand, never stored.
 * Only the allocator aggregate mutates accounts; everyone else reads {@link #view()}.
 */
public final class HostAccount {

    private final HostName name;
    private int order;
    private HostKind kind = HostKind.NETWORK;
    private int cores = 1;
    private long maxRam;
    private long setAside;
    private long allocated;
    private long registered;
    private long reserved;
    private long margin;
    private long foreign;
    private long overGrant;
    private Instant lastScan;
    private boolean present;

    HostAccount(HostName name) {
        this.name = name;
    }

    void placeInNameOrder(int order) {
        this.order = order;
    }

    /** Takes the static facts the scan reports (kind, cores, max RAM); set-aside follows kind and max RAM. */
    void observe(HostSnapshot snapshot, SetAsidePolicy setAsidePolicy, MarginPolicy marginPolicy) {
        long newMax = snapshot.maxRam().hundredths();
        boolean firstSighting = lastScan == null;
        if (firstSighting || newMax != maxRam || snapshot.kind() != kind) {
            setAside = setAsidePolicy.setAsideFor(name, snapshot.kind(), snapshot.maxRam()).hundredths();
        }
        if (firstSighting) {
            margin = marginPolicy.initial(snapshot.maxRam()).hundredths();
        }
        kind = snapshot.kind();
        cores = snapshot.cores();
        maxRam = newMax;
    }

    /** Applies one scan's observation: new reserved estimate, new margin, last scan time. */
    public void applyPoll(HostPoll poll, ReservedEstimator estimator, MarginPolicy marginPolicy, Instant now) {
        boolean hadPreviousPoll = lastScan != null && present;
        Ram accounted = Ram.ofHundredths(allocated + registered);
        reserved = estimator.next(Ram.ofHundredths(reserved),
                new ForeignObservation(poll.used(), accounted, poll.foreign(), poll.exitedForeign())).hundredths();
        Ram rise = hadPreviousPoll ? poll.foreign().minusOrZero(Ram.ofHundredths(foreign)) : Ram.ZERO;
        margin = marginPolicy.afterPoll(Ram.ofHundredths(margin), maxRam(), rise).hundredths();
        foreign = poll.foreign().hundredths();
        overGrant = poll.overGrant().hundredths();
        lastScan = now;
        present = true;
    }

    /** The last scan did not list this host: nothing may be placed on it until a scan sees it again. */
    public void markAbsent() {
        present = false;
    }

    public void recordClash(MarginPolicy marginPolicy) {
        margin = marginPolicy.afterClash(Ram.ofHundredths(margin), maxRam()).hundredths();
    }

    public void book(long hundredths) {
        allocated = Math.addExact(allocated, requireNonNegative(hundredths));
    }

    /** Gives back booked RAM. Giving back more than is booked means the ledger is corrupt: a programming error. */
    public void unbook(long hundredths) {
        if (requireNonNegative(hundredths) > allocated) {
            throw new IllegalStateException("ledger of " + name + " would go negative: unbooking "
                    + Ram.ofHundredths(hundredths) + " of " + Ram.ofHundredths(allocated));
        }
        allocated -= hundredths;
    }

    public void addRegistered(long hundredths) {
        registered = Math.addExact(registered, requireNonNegative(hundredths));
    }

    public void removeRegistered(long hundredths) {
        if (requireNonNegative(hundredths) > registered) {
            throw new IllegalStateException("registered RAM of " + name + " would go negative");
        }
        registered -= hundredths;
    }

    public long effectiveFreeHundredths() {
        if (!present) {
            return 0;
        }
        return Math.max(0, maxRam - setAside - allocated - registered - reserved - margin - overGrant);
    }

    /** The most this host could ever hold for us: max RAM less its set-aside. */
    public long capacityHundredths() {
        return Math.max(0, maxRam - setAside);
    }

    public Ram effectiveFree() {
        return Ram.ofHundredths(effectiveFreeHundredths());
    }

    public Ram allocated() {
        return Ram.ofHundredths(allocated);
    }

    public Ram reserved() {
        return Ram.ofHundredths(reserved);
    }

    public Ram margin() {
        return Ram.ofHundredths(margin);
    }

    public Ram maxRam() {
        return Ram.ofHundredths(maxRam);
    }

    public HostName name() {
        return name;
    }

    /** Position of this host in host-name order; placement uses it to break ties deterministically. */
    public int order() {
        return order;
    }

    public HostKind kind() {
        return kind;
    }

    public int cores() {
        return cores;
    }

    public boolean isPresent() {
        return present;
    }

    public HostLedgerView view() {
        return new HostLedgerView(name, kind, cores, maxRam(), Ram.ofHundredths(setAside), allocated(),
                Ram.ofHundredths(registered), Ram.ofHundredths(reserved), Ram.ofHundredths(margin),
                Ram.ofHundredths(foreign), Ram.ofHundredths(overGrant), Option.of(lastScan), present,
                effectiveFree());
    }

    private static long requireNonNegative(long hundredths) {
        if (hundredths < 0) {
            throw new IllegalArgumentException("RAM cannot be negative: " + hundredths + " hundredths");
        }
        return hundredths;
    }

    @Override
    public String toString() {
        return "HostAccount[" + name + ", free " + effectiveFree() + "]";
    }
}

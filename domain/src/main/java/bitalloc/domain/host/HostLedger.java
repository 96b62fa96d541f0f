package bitalloc.domain.host;

import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Every host's ledger line (DESIGN A1), with the policies that keep set-aside, reserved estimate and margin.
 * Hosts are also kept in an array in name order so placement can walk them without allocating.
 */
public final class HostLedger {

    private final SetAsidePolicy setAsidePolicy;
    private final ReservedEstimator estimator;
    private final MarginPolicy marginPolicy;
    private final Map<HostName, HostAccount> accounts = new HashMap<>();
    private HostAccount[] inNameOrder = new HostAccount[0];

    public HostLedger(SetAsidePolicy setAsidePolicy, ReservedEstimator estimator, MarginPolicy marginPolicy) {
        this.setAsidePolicy = setAsidePolicy;
        this.estimator = estimator;
        this.marginPolicy = marginPolicy;
    }

    /** The account of the host a scan saw, created on first sight, updated with the snapshot's static facts. */
    public HostAccount observe(HostSnapshot snapshot) {
        HostAccount account = accountOf(snapshot.host());
        account.observe(snapshot, setAsidePolicy, marginPolicy);
        return account;
    }

    /** The account of {@code host}; a host no scan has seen yet gets an empty, absent account (e.g. on recovery). */
    public HostAccount accountOf(HostName host) {
        HostAccount account = accounts.get(host);
        if (account == null) {
            account = new HostAccount(host);
            accounts.put(host, account);
            inNameOrder = Arrays.copyOf(inNameOrder, inNameOrder.length + 1);
            inNameOrder[inNameOrder.length - 1] = account;
            Arrays.sort(inNameOrder, Comparator.comparing(HostAccount::name));
            for (int i = 0; i < inNameOrder.length; i++) {
                inNameOrder[i].placeInNameOrder(i);
            }
        }
        return account;
    }

    /** The account of {@code host}, or null when no such host is known (hot paths avoid the Option). */
    public HostAccount find(HostName host) {
        return accounts.get(host);
    }

    public Option<HostLedgerView> view(HostName host) {
        return Option.of(accounts.get(host)).map(HostAccount::view);
    }

    public List<HostLedgerView> views() {
        return List.of(inNameOrder).map(HostAccount::view);
    }

    public int size() {
        return inNameOrder.length;
    }

    /** The {@code index}-th host in name order. */
    public HostAccount at(int index) {
        return inNameOrder[index];
    }

    public ReservedEstimator estimator() {
        return estimator;
    }

    public MarginPolicy marginPolicy() {
        return marginPolicy;
    }
}

package bitalloc.adapters.sim.check;

import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;

/**
 * No host is ever over its max RAM, and its used RAM is exactly bitalloc's plus foreign RAM. With
 * {@code recount} it also re-adds every process's RAM (O(processes) per event: for small test worlds).
 */
public final class HostRamInvariant implements InvariantCheck {

    private final GameNetwork network;
    private final boolean recount;

    public HostRamInvariant(GameNetwork network, boolean recount) {
        this.network = network;
        this.recount = recount;
    }

    @Override
    public Option<String> violation() {
        for (SimHost host : network.hosts()) {
            long used = host.usedRamHundredths();
            if (used > host.maxRamHundredths()) {
                return Option.some(host.name() + " uses " + Ram.ofHundredths(used) + " of "
                        + Ram.ofHundredths(host.maxRamHundredths()));
            }
            if (used != host.bitallocRamHundredths() + host.foreignRamHundredths()) {
                return Option.some(host.name() + " used RAM does not split into bitalloc's and foreign RAM");
            }
            if (recount) {
                long sum = host.shareRamHundredths();
                for (SimProcess process : host.processes()) {
                    sum += process.ramHundredths();
                }
                if (sum != used) {
                    return Option.some(host.name() + " books " + Ram.ofHundredths(used) + " but its processes and "
                            + "share hold " + Ram.ofHundredths(sum));
                }
            }
        }
        return Option.none();
    }
}

package bitalloc.adapters.sim;

import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.domain.host.HostSnapshot;
import io.vavr.collection.List;

/**
 * The process-table port over the simulated network: every usable host with its RAM and processes. Hosts that
 * did not change since the last scan reuse their snapshot, so a scan costs O(hosts + processes on changed hosts).
 */
final class SimProcessTable implements ProcessTable {

    private final GameNetwork network;

    SimProcessTable(GameNetwork network) {
        this.network = network;
    }

    @Override
    public NetworkScan scan() {
        java.util.List<SimHost> hosts = network.usableHosts();
        List<HostSnapshot> snapshots = List.empty();
        for (int i = hosts.size() - 1; i >= 0; i--) {
            snapshots = snapshots.prepend(hosts.get(i).snapshot());
        }
        return new NetworkScan(network.session(), snapshots);
    }
}

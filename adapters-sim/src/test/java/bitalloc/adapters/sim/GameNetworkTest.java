package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

class GameNetworkTest {

    private final SimWorld world = SimWorld.create(TestScenarios.quietEarly(), 7);
    private final GameNetwork network = world.network();
    private final HostName home = HostName.of("home");

    private Either<LaunchFailure, SimProcess> player(HostName host, String gb) {
        return network.exec(host, "p.js", 1, Ram.parse(gb), List.empty(), Owner.PLAYER, true, ProcessBehaviour.IDLE);
    }

    private Either<LaunchFailure, SimProcess> ours(HostName host, String gb) {
        return network.exec(host, "o.js", 1, Ram.parse(gb), List.empty(), Owner.BITALLOC, false, ProcessBehaviour.IDLE);
    }

    @Test
    void a_start_needing_exactly_the_free_ram_fits_and_one_hundredth_more_is_refused() {
        assertTrue(player(home, "5.00").isRight());
        assertEquals(LaunchFailure.NOT_ENOUGH_RAM, player(home, "3.01").getLeft());
        assertTrue(player(home, "3.00").isRight());
        assertEquals(0, network.home().freeRamHundredths());
        assertEquals(LaunchFailure.NOT_ENOUGH_RAM, player(home, "0.01").getLeft());
    }

    @Test
    void threads_multiply_the_ram_per_thread_in_exact_hundredths() {
        Either<LaunchFailure, SimProcess> fits = network.exec(home, "w.js", 4, Ram.parse("1.75"), List.empty(),
                Owner.BITALLOC, false, ProcessBehaviour.IDLE);
        assertEquals(700, network.home().usedRamHundredths());
        assertEquals(LaunchFailure.NOT_ENOUGH_RAM, network.exec(home, "w.js", 1, Ram.parse("1.75"), List.empty(),
                Owner.BITALLOC, false, ProcessBehaviour.IDLE).getLeft());
        assertTrue(fits.isRight());
    }

    @Test
    void ram_is_held_from_exec_until_the_process_ends_and_a_kill_frees_it_at_once() {
        SimProcess process = ours(home, "4.00").get();
        assertEquals(400, network.home().usedRamHundredths());
        assertTrue(network.kill(process.pid()));
        assertEquals(0, network.home().usedRamHundredths());
        assertFalse(process.alive());
        assertFalse(network.kill(process.pid()));
    }

    @Test
    void pids_grow_within_a_session_and_are_never_reused() {
        Pid first = ours(home, "1.00").get().pid();
        network.kill(first);
        Pid second = ours(home, "1.00").get().pid();
        assertEquals(first.value() + 1, second.value());
    }

    @Test
    void a_reload_ends_every_process_restarts_pids_at_one_and_advances_the_session() {
        ours(home, "1.00");
        player(home, "1.00");
        SimProcess last = ours(HostName.of("n00dles"), "2.00").get();
        assertEquals(3, last.pid().value());
        network.reload();
        assertEquals(0, network.processCount());
        assertFalse(last.alive());
        for (SimHost host : network.hosts()) {
            assertEquals(0, host.usedRamHundredths(), host.name().value());
        }
        assertEquals(GameSession.FIRST.next(), network.session());
        assertEquals(1, ours(home, "1.00").get().pid().value());
        assertEquals(GameSession.FIRST.next(), world.processTable().scan().session());
    }

    @Test
    void exec_fails_on_an_unknown_host_and_on_a_host_without_root() {
        assertEquals(LaunchFailure.UNREACHABLE, ours(HostName.of("nowhere"), "1.00").getLeft());
        assertEquals(LaunchFailure.NO_ROOT, ours(HostName.of("zer0"), "1.00").getLeft());
    }

    @Test
    void share_ram_is_used_ram_that_no_process_explains() {
        assertTrue(network.holdShare(home, Ram.ofGb(4)));
        HostSnapshot snapshot = world.processTable().scan().hosts().find(h -> h.host().equals(home)).get();
        assertEquals(Ram.ofGb(4), snapshot.usedRam());
        assertTrue(snapshot.processes().isEmpty());
        assertEquals(LaunchFailure.NOT_ENOUGH_RAM, player(home, "4.01").getLeft());
        network.releaseShare(home, Ram.ofGb(4));
        assertEquals(0, network.home().usedRamHundredths());
    }

    @Test
    void the_scan_lists_only_rooted_hosts_with_ram_and_reuses_unchanged_snapshots() {
        NetworkScan first = world.processTable().scan();
        assertEquals(List.of("home", "n00dles", "foodnstuff", "sigma-cosmetics", "joesguns", "nectar-net",
                "hong-fang-tea", "harakiri-sushi").sorted(), first.hosts().map(h -> h.host().value()).sorted());
        ours(home, "1.00");
        NetworkScan second = world.processTable().scan();
        HostSnapshot n00dlesBefore = first.hosts().find(h -> h.host().value().equals("n00dles")).get();
        HostSnapshot n00dlesAfter = second.hosts().find(h -> h.host().value().equals("n00dles")).get();
        assertSame(n00dlesBefore, n00dlesAfter);
        assertEquals(1, second.hosts().find(h -> h.host().equals(home)).get().processes().size());
    }

    @Test
    void ending_a_process_tells_its_behaviour_why() {
        java.util.List<ExitCause> causes = new java.util.ArrayList<>();
        ProcessBehaviour recorder = new ProcessBehaviour() {
            @Override
            public void onStart(SimProcess process) {
            }

            @Override
            public void onEnd(SimProcess process, ExitCause cause) {
                causes.add(cause);
            }
        };
        SimProcess a = network.exec(home, "a.js", 1, Ram.ofGb(1), List.empty(), Owner.BITALLOC, false, recorder).get();
        SimProcess b = network.exec(home, "b.js", 1, Ram.ofGb(1), List.empty(), Owner.BITALLOC, false, recorder).get();
        network.kill(a.pid());
        network.end(b, ExitCause.CRASHED);
        network.end(b, ExitCause.FINISHED);
        assertEquals(java.util.List.of(ExitCause.KILLED, ExitCause.CRASHED), causes);
    }
}

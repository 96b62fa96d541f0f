package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class ClashAccountingTest {

    private final SimWorld world = SimWorld.create(TestScenarios.quietEarly(), 1);
    private final GameNetwork network = world.network();
    private final HostName home = HostName.of("home");

    private boolean start(Owner owner, String gb) {
        return network.exec(home, "x.js", 1, Ram.parse(gb), List.empty(), owner, owner == Owner.PLAYER,
                ProcessBehaviour.IDLE).isRight();
    }

    @Test
    void a_player_start_refused_because_bitalloc_holds_the_ram_is_a_player_clash() {
        assertTrue(start(Owner.BITALLOC, "6.00"));
        assertTrue(start(Owner.PLAYER, "1.00"));
        assertEquals(false, start(Owner.PLAYER, "2.00"));
        assertEquals(1, world.metrics().clashesPlayer());
        assertEquals(0, world.metrics().clashesOurs());
    }

    @Test
    void a_player_start_refused_by_foreign_ram_alone_is_no_clash() {
        assertTrue(start(Owner.BITALLOC, "1.00"));
        assertTrue(start(Owner.PLAYER, "6.00"));
        assertEquals(false, start(Owner.PLAYER, "2.50"));
        assertEquals(0, world.metrics().clashesPlayer());
    }

    @Test
    void a_share_refused_because_bitalloc_holds_the_ram_is_a_player_clash() {
        assertTrue(start(Owner.BITALLOC, "6.00"));
        assertEquals(false, network.holdShare(home, Ram.ofGb(4)));
        assertEquals(1, world.metrics().clashesPlayer());
    }

    @Test
    void an_exec_of_bitalloc_the_game_refuses_for_ram_is_our_clash() {
        assertTrue(start(Owner.PLAYER, "7.00"));
        assertEquals(false, start(Owner.BITALLOC, "1.75"));
        assertEquals(1, world.metrics().clashesOurs());
    }

    @Test
    void a_launch_the_agent_finds_no_room_for_right_before_exec_is_averted_and_never_reaches_the_game() {
        assertTrue(start(Owner.PLAYER, "7.00"));
        assertEquals(LaunchFailure.NOT_ENOUGH_RAM,
                world.launcher().launch(home, "weaken.js", 1, List.of("n00dles")).getLeft());
        assertEquals(0, world.metrics().clashesOurs());
        assertEquals(1, world.metrics().clashesAverted());
        assertEquals(LaunchFailure.SCRIPT_MISSING,
                world.launcher().launch(home, "nope.js", 1, List.empty()).getLeft());
        assertEquals(1, world.metrics().clashesAverted());
    }
}

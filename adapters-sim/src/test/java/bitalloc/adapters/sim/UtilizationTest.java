package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.scenario.MetricsProfile;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** bare-early: home 8 GB plus seven rooted servers of 4 + 6 × 16 GB, 108 GB in all. */
class UtilizationTest {

    private static final double TOTAL = 108;

    private static void start(SimWorld world, String host, Owner owner, long gb) {
        world.network().exec(HostName.of(host), "x.js", 1, Ram.ofGb(gb), List.empty(), owner, owner == Owner.PLAYER,
                ProcessBehaviour.IDLE).get();
    }

    /** 10 s of nothing, 10 s with 8 GB of ours on home, 10 s with also 16 GB of the player's elsewhere. */
    private static SimWorld runTimeline(SimWorld world) {
        world.after(Duration.ofSeconds(10), () -> start(world, "home", Owner.BITALLOC, 8));
        world.after(Duration.ofSeconds(20), () -> start(world, "foodnstuff", Owner.PLAYER, 16));
        world.runFor(Duration.ofSeconds(30));
        return world;
    }

    @Test
    void utilization_is_the_time_weighted_mean_of_held_over_what_bitalloc_could_hold() {
        SimWorld world = runTimeline(SimWorld.create(TestScenarios.bareEarly(), 1));
        double expected = (10 * 0 + 10 * (8 / TOTAL) + 10 * (8 / (TOTAL - 16))) / 30;
        assertEquals(expected, world.report().utilization(), 1e-12);
    }

    @Test
    void the_warm_up_is_left_out() {
        SimWorld world = runTimeline(SimWorld.create(TestScenarios.bareEarly()
                .withMetrics(new MetricsProfile(Duration.ofSeconds(10), 30)), 1));
        double expected = (10 * (8 / TOTAL) + 10 * (8 / (TOTAL - 16))) / 20;
        assertEquals(expected, world.report().utilization(), 1e-12);
    }

    @Test
    void set_aside_ram_is_not_ram_bitalloc_could_have_held() {
        SimWorld world = SimWorld.create(TestScenarios.bareEarly(), 1);
        world.metrics().useSetAside(host -> host.value().equals("home") ? 400 : 0);
        world.after(Duration.ZERO, () -> start(world, "n00dles", Owner.BITALLOC, 4));
        world.runFor(Duration.ofSeconds(10));
        assertEquals(4 / (TOTAL - 4), world.report().utilization(), 1e-12);
    }

    @Test
    void a_process_that_ended_holds_nothing_after_its_end() {
        SimWorld world = SimWorld.create(TestScenarios.bareEarly(), 1);
        world.after(Duration.ZERO, () -> start(world, "home", Owner.BITALLOC, 8));
        world.after(Duration.ofSeconds(5), () -> world.network().kill(world.network().home().processes()
                .iterator().next().pid()));
        world.runFor(Duration.ofSeconds(20));
        assertEquals(5 * (8 / TOTAL) / 20, world.report().utilization(), 1e-12);
    }
}

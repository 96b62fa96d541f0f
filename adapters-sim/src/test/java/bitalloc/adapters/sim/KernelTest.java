package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.kernel.VirtualClock;
import bitalloc.adapters.sim.script.AllocTags;
import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KernelTest {

    private final Simulation simulation = new Simulation(new VirtualClock(Instant.EPOCH));

    @Test
    void events_fire_by_instant_then_in_the_order_they_were_scheduled() {
        java.util.List<String> fired = new ArrayList<>();
        simulation.after(20, () -> fired.add("b"));
        simulation.after(10, () -> fired.add("a"));
        simulation.after(20, () -> fired.add("c"));
        simulation.after(10, () -> simulation.after(0, () -> fired.add("a2")));
        simulation.runUntil(100);
        assertEquals(java.util.List.of("a", "a2", "b", "c"), fired);
        assertEquals(Instant.EPOCH.plusMillis(100), simulation.clock().now());
    }

    @Test
    void periodic_drivers_fire_every_period_and_nothing_past_the_deadline_fires() {
        java.util.List<Long> at = new ArrayList<>();
        simulation.every(Duration.ofSeconds(2), Duration.ZERO, () -> at.add(simulation.now()));
        simulation.runUntil(5_000);
        assertEquals(java.util.List.of(0L, 2000L, 4000L), at);
    }

    @Test
    void a_draw_added_in_one_concern_does_not_shift_another() {
        RandomStreams quiet = new RandomStreams(99);
        RandomStreams busy = new RandomStreams(99);
        busy.faults().nextLong();
        busy.player().nextLong();
        assertEquals(quiet.hacking().nextLong(), busy.hacking().nextLong());
        assertEquals(quiet.network().nextLong(), busy.network().nextLong());
        assertNotEquals(new RandomStreams(1).player().nextLong(), new RandomStreams(2).player().nextLong());
    }

    @Test
    void tags_are_read_in_both_forms_passed_on_and_stripped() {
        AllocationId id = new AllocationId(new UUID(1, 2));
        assertEquals(id, AllocTags.find(List.of("n00dles", "--allocId=" + id)).get());
        assertEquals(id, AllocTags.find(List.of("--allocId", id.toString(), "x")).get());
        assertEquals(List.of("--allocId=" + id), AllocTags.inherit(List.of("a", "--allocId", id.toString())));
        assertEquals(List.of("a", "x"), AllocTags.withoutTag(List.of("a", "--allocId", id.toString(), "x")));
        assertEquals(true, AllocTags.find(List.of("--allocId=not-a-uuid")).isEmpty());
    }

    @Test
    void a_keyed_tag_names_its_allocation_and_is_passed_on_with_its_checksum() {
        AllocationId id = new AllocationId(new UUID(1, 2));
        String keyed = "--allocId=" + id + ".0123abcd";
        assertEquals(id, AllocTags.find(List.of("n00dles", keyed)).get());
        assertEquals(List.of(keyed), AllocTags.inherit(List.of("a", keyed)));
    }

    @Test
    void allocation_ids_come_from_the_seed_and_look_like_random_uuids() {
        SimWorld a = SimWorld.create(TestScenarios.bareEarly(), 4);
        SimWorld b = SimWorld.create(TestScenarios.bareEarly(), 4);
        AllocationId first = a.nextAllocationId();
        assertEquals(first, b.nextAllocationId());
        assertNotEquals(first, a.nextAllocationId());
        assertEquals(4, first.value().version());
        assertEquals(2, first.value().variant());
    }
}

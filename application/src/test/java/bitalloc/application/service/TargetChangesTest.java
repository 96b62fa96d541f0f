package bitalloc.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import bitalloc.domain.selection.Target;
import bitalloc.domain.selection.TaskState;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TargetChangesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void the_very_same_targets_have_no_changes() {
        SortedMap<HostName, Target> targets = TreeMap.of(name(1), target(1), name(2), target(2));

        assertTrue(TargetChanges.between(targets, targets).isEmpty());
    }

    @Test
    void a_replaced_target_is_a_change_even_when_equal_and_an_untouched_one_is_not() {
        Target kept = target(1);
        SortedMap<HostName, Target> before = TreeMap.of(name(1), kept, name(2), target(2));
        SortedMap<HostName, Target> after = before.put(name(2), target(2));

        TargetChanges changes = TargetChanges.between(before, after);

        assertEquals(1, changes.changes().size());
        assertEquals(Option.some(after.get(name(2)).get()), changes.of(name(2)).get().after());
        assertTrue(changes.of(name(1)).isEmpty());
    }

    /** Random steps that add, replace and remove targets: the walk finds exactly the targets not kept as they were. */
    @TestFactory
    Stream<DynamicTest> finds_every_added_replaced_and_removed_target_in_target_order() {
        return LongStream.rangeClosed(1, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            SortedMap<HostName, Target> before = TreeMap.empty();
            for (int i = 0; i < random.nextInt(0, 12); i++) {
                int id = random.nextInt(0, 20);
                before = before.put(name(id), target(id));
            }
            SortedMap<HostName, Target> after = before;
            for (int step = 0; step < random.nextInt(0, 5); step++) {
                int id = random.nextInt(0, 20);
                after = random.nextBoolean() ? after.put(name(id), target(id)) : after.remove(name(id));
            }

            TargetChanges changes = TargetChanges.between(before, after);

            List<TargetChanges.Change> expected = new ArrayList<>();
            TreeSet<HostName> names = new TreeSet<>(before.keySet().toJavaSet());
            names.addAll(after.keySet().toJavaSet());
            for (HostName name : names) {
                Option<Target> was = before.get(name);
                Option<Target> now = after.get(name);
                if (was.isEmpty() || now.isEmpty() || was.get() != now.get()) {
                    expected.add(new TargetChanges.Change(was, now));
                }
            }
            assertEquals(expected, changes.changes(), "seed " + seed);
            for (HostName name : names) {
                assertEquals(expected.stream().filter(change -> change.before().orElse(change.after()).get().name()
                        .equals(name)).findFirst().map(Option::some).orElse(Option.none()), changes.of(name),
                        "seed " + seed + ", " + name);
            }
        }));
    }

    private static HostName name(int id) {
        return HostName.of("n" + (char) ('a' + id));
    }

    private static Target target(int id) {
        return new Target(name(id), Option.none(), TaskState.Pending.at(NOW));
    }
}

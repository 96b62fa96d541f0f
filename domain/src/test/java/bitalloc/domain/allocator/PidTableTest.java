package bitalloc.domain.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import bitalloc.domain.process.Pid;
import bitalloc.domain.tag.TagReading;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scan's pid table behaves like a map under any mix of inserts and removals of unseen pids. */
class PidTableTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void finds_exactly_the_pids_it_holds_after_random_inserts_and_removals(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PidTable table = new PidTable();
        Map<Long, TrackedProcess> model = new HashMap<>();
        long range = 1 + random.nextInt(5000);
        for (long generation = 1; generation <= 60; generation++) {
            for (int i = 0; i < random.nextInt(200); i++) {
                long pid = 1 + random.nextLong(range);
                if (!model.containsKey(pid)) {
                    TrackedProcess process = process(pid);
                    model.put(pid, process);
                    table.insert(pid, process);
                }
            }
            long current = generation;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Long pid : model.keySet()) {
                if (random.nextInt(3) > 0) {
                    table.seenGeneration[table.indexOf(pid)] = current;
                    seen.add(pid);
                }
            }
            java.util.List<TrackedProcess> removed = new java.util.ArrayList<>();
            table.removeUnseen(current, removed::add);
            model.keySet().retainAll(seen);

            assertEquals(model.size(), table.size(), "seed " + seed);
            for (TrackedProcess gone : removed) {
                assertEquals(null, table.get(gone.pid.value()), "seed " + seed);
            }
            for (Map.Entry<Long, TrackedProcess> entry : model.entrySet()) {
                assertSame(entry.getValue(), table.get(entry.getKey()), "seed " + seed + " pid " + entry.getKey());
            }
        }
    }

    private static TrackedProcess process(long pid) {
        return new TrackedProcess(Pid.of(pid), "x.js", new String[0], TagReading.UNTAGGED);
    }
}

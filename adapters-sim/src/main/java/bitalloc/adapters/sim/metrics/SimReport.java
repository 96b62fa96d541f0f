package bitalloc.adapters.sim.metrics;

import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one run under the names of DESIGN.md §7, plus ground-truth counts of what the world did.
 * {@link #toMap()} nests them at the dots for JSON output.
 *
 * @param leaked RAM still allocated to allocations with no live process two polls after the end, as the
 *               wiring measured it; empty when it was not recorded
 * @param firstHarvestSeconds per target, virtual seconds from the start to its first harvest
 */
public record SimReport(String scenario, long seed, double simulatedSeconds, Clashes clashes, double utilization,
                        Percentiles reclaimPolls, Option<Ram> leaked, Tasks tasks, double backoffSeconds,
                        Map<String, Double> firstHarvestSeconds, double money, Percentiles scanNsPerProcess,
                        World world, String traceHash) {

    /**
     * @param averted helper execs a task script did not attempt because the host was already too full (the
     *                grant's room was taken by foreign RAM since bitalloc's last poll): not clashes, but each one
     *                is a grant the allocator should not have made
     */
    public record Clashes(long ours, long player, long averted) {
    }

    public record Percentiles(long p50, long p99, long count) {
        static Percentiles of(Samples samples) {
            return new Percentiles(samples.percentile(50), samples.percentile(99), samples.size());
        }
    }

    public record Tasks(long launched, long confirmed, long failed, long timedOut, long killed, long recovered) {
    }

    /** What the simulator itself saw happen (not §7 metrics, but useful to read them). */
    public record World(long events, long processesAtEnd, long taskScriptsStarted, long allocationsRefused,
                        long playerStarts, long playerRefusals, long taskCrashes, long taskHangs, long helperTagsLost,
                        long badArguments, long gameReloads, long bitallocRestarts, long maxConcurrentProcesses) {
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenario", scenario);
        map.put("seed", seed);
        map.put("simulated_seconds", simulatedSeconds);
        map.put("clashes", ordered("ours", clashes.ours, "player", clashes.player, "averted",
                clashes.averted));
        map.put("utilization", utilization);
        map.put("reclaim_polls", ordered("p50", reclaimPolls.p50, "p99", reclaimPolls.p99,
                "count", reclaimPolls.count));
        map.put("leaked_gb", leaked.map(ram -> ram.hundredths() / 100.0).getOrNull());
        map.put("tasks", ordered("launched", tasks.launched, "confirmed", tasks.confirmed, "failed", tasks.failed,
                "timed_out", tasks.timedOut, "killed", tasks.killed, "recovered", tasks.recovered));
        map.put("backoff_seconds", backoffSeconds);
        map.put("first_harvest_seconds", new LinkedHashMap<>(firstHarvestSeconds));
        map.put("money", money);
        map.put("scan_ns_per_process", ordered("p50", scanNsPerProcess.p50, "p99", scanNsPerProcess.p99));
        map.put("world", ordered("events", world.events, "processes_at_end", world.processesAtEnd,
                "task_scripts_started", world.taskScriptsStarted, "allocations_refused", world.allocationsRefused,
                "player_starts", world.playerStarts, "player_refusals", world.playerRefusals,
                "task_crashes", world.taskCrashes, "task_hangs", world.taskHangs,
                "helper_tags_lost", world.helperTagsLost, "bad_arguments", world.badArguments,
                "game_reloads", world.gameReloads, "bitalloc_restarts", world.bitallocRestarts,
                "max_concurrent_processes", world.maxConcurrentProcesses));
        map.put("trace_hash", traceHash);
        return map;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

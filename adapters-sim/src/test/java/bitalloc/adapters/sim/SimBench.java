package bitalloc.adapters.sim;

import bitalloc.adapters.sim.metrics.SimReport;
import bitalloc.adapters.sim.scenario.Scenarios;
import java.time.Duration;

/**
 * Measures the world's own cost with the fake bitalloc: {@code java ... SimBench <scenario> <minutes> <targets>}.
 * Not a test: run by hand to see how much of a run's wall time the simulator takes.
 */
public final class SimBench {

    private SimBench() {
    }

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "mid";
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 120;
        int targets = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        long start = System.nanoTime();
        WorldRunTest.Run run = new WorldRunTest.Run(Scenarios.named(scenario), seed, targets);
        SimReport report = run.runFor(Duration.ofMinutes(minutes));
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(report.toMap());
        System.out.println("wall " + wallMillis + " ms, events " + report.world().events() + ", "
                + (report.world().events() * 1000 / Math.max(1, wallMillis)) + " events/s");
    }
}

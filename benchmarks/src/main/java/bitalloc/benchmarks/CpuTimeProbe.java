package bitalloc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The JMH benchmarks' workloads timed by the measuring thread's CPU time as well as wall time. On a shared,
 * overloaded machine wall time mostly measures waiting for a core; CPU time still shows the code's own cost.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar bitalloc.benchmarks.CpuTimeProbe}
 */
public final class CpuTimeProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        ScanBenchmark scan = new ScanBenchmark();
        scan.setUp();
        for (int round = 1; round <= 6; round++) {
            measure("fullScan", "ms", 1e6, 200, scan::fullScan);
        }
        ScanBenchmark changing = new ScanBenchmark();
        changing.setUp();
        for (int round = 1; round <= 6; round++) {
            measure("fullScanEveryHostChanged", "ms", 1e6, 200, changing::fullScanEveryHostChanged);
        }
        for (int hosts : new int[] {25, 100}) {
            AllocateReleaseBenchmark pair = new AllocateReleaseBenchmark();
            pair.hosts = hosts;
            pair.setUp();
            for (int round = 1; round <= 6; round++) {
                measure("allocateThenRelease@" + hosts + " hosts", "ns", 1, 1_000_000, pair::allocateThenRelease);
            }
        }
    }

    private static void measure(String name, String unit, double scale, int operations, Runnable operation) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            operation.run();
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / scale / operations;
        double wall = (System.nanoTime() - wallStart) / scale / operations;
        System.out.printf("%-32s cpu %10.3f %s/op   wall %10.3f %s/op%n", name, cpu, unit, wall, unit);
    }
}

package bitalloc.adapters.sim;

import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The world's cost at late-game scale: {@code ChurnBench <processes> <minutes>} keeps that many tagged processes
 * alive on the late network (each lives 1-10 min, then is replaced) and scans every 2 s, reading every process
 * as the allocator's scan would. Not a test: run by hand.
 */
public final class ChurnBench {

    private ChurnBench() {
    }

    public static void main(String[] args) {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 60;
        SimWorld world = SimWorld.create(Scenarios.late().withPlayer(TestScenarios.quietMid().player()), 1);
        SplittableRandom random = new SplittableRandom(1);
        java.util.List<SimHost> hosts = world.network().usableHosts();
        List<String> args0 = List.of("n00dles", "--allocId=00000000-0000-0000-0000-000000000001");
        long[] visited = {0};
        long[] scanNanos = {0};
        long[] buildNanos = {0};
        ProcessBehaviour[] behaviour = new ProcessBehaviour[1];
        Runnable spawn = () -> {
            SimHost host = hosts.get(random.nextInt(Math.min(26, hosts.size())));
            world.network().exec(host.name(), "weaken.js", 1 + random.nextInt(200), Ram.parse("1.75"), args0,
                    Owner.BITALLOC, false, behaviour[0]);
        };
        behaviour[0] = new ProcessBehaviour() {
            @Override
            public void onStart(SimProcess process) {
                world.after(Duration.ofMillis(60_000 + random.nextInt(540_000)),
                        () -> world.network().end(process, ExitCause.FINISHED));
            }

            @Override
            public void onEnd(SimProcess process, ExitCause cause) {
                spawn.run();
            }
        };
        for (int i = 0; i < processes; i++) {
            spawn.run();
        }
        world.every(Duration.ofSeconds(2), Duration.ZERO, () -> {
            long t0 = System.nanoTime();
            NetworkScan scan = world.processTable().scan();
            buildNanos[0] += System.nanoTime() - t0;
            long ram = 0;
            for (HostSnapshot host : scan.hosts()) {
                for (ProcessSnapshot p : host.processes()) {
                    ram += p.ramPerThread().hundredths() * p.threads();
                    visited[0]++;
                }
            }
            scanNanos[0] += System.nanoTime() - t0;
            if (ram < 0) {
                throw new IllegalStateException();
            }
        });
        long start = System.nanoTime();
        world.runFor(Duration.ofMinutes(minutes));
        long wall = (System.nanoTime() - start) / 1_000_000;
        System.out.println("processes " + world.network().processCount() + ", events " + world.eventsFired()
                + ", wall " + wall + " ms, scans " + scanNanos[0] / 1_000_000 + " ms for " + visited[0]
                + " process visits (" + (scanNanos[0] / Math.max(1, visited[0])) + " ns each, of which building the scan "
                + (buildNanos[0] / Math.max(1, visited[0])) + " ns)");
    }
}

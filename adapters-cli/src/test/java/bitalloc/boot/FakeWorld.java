package bitalloc.boot;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The game as the in-game agent sees it: a few rooted hosts with exact RAM, processes with pids (the game hands
 * them out in one increasing sequence), and hacking targets whose numbers stay put. Like the game, it refuses to
 * start a process that does not fit in its host's free RAM. Thread-safe: the agent, the scripts and the test share it.
 */
final class FakeWorld {

    static final int HACKING_LEVEL = 60;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TARGET_ARG = "--target=";

    record Host(HostName name, Ram maxRam, boolean purchased) {
    }

    record Process(Pid pid, HostName host, String filename, int threads, Ram ramPerThread, List<String> args) {
        Ram ram() {
            return ramPerThread.times(threads);
        }

        Optional<HostName> target() {
            return args.stream().filter(arg -> arg.startsWith(TARGET_ARG)).findFirst()
                    .map(arg -> HostName.of(arg.substring(TARGET_ARG.length())));
        }
    }

    /** A target's fixed numbers as the agent reports them: {security, minSecurity, money, maxMoney, level, growth}. */
    private record Target(HostName name, String security, String minSecurity, long money, long maxMoney,
                          int requiredHackingLevel, int growth) {
    }

    private final Map<HostName, Host> hosts = new LinkedHashMap<>();
    private final Map<Pid, Process> processes = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private long lastPid;

    /** Home, two purchased servers and four money servers at different points of till → sow → harvest. */
    static FakeWorld standard() {
        FakeWorld world = new FakeWorld();
        world.host("home", "256.00", false);
        world.host("pserv-0", "128.00", true);
        world.host("pserv-1", "128.00", true);
        world.host("n00dles", "4.00", false);
        world.host("foodnstuff", "16.00", false);
        world.host("sigma-cosmetics", "16.00", false);
        world.host("joesguns", "16.00", false);
        world.targets.add(new Target(HostName.of("n00dles"), "2.5", "1", 70_000, 1_750_000, 1, 3000));
        world.targets.add(new Target(HostName.of("foodnstuff"), "4.6", "3", 400_000, 50_000_000, 1, 5));
        world.targets.add(new Target(HostName.of("sigma-cosmetics"), "5", "5", 50_000_000, 57_500_000, 5, 20));
        world.targets.add(new Target(HostName.of("joesguns"), "5", "5", 62_500_000, 62_500_000, 10, 20));
        return world;
    }

    private void host(String name, String maxRam, boolean purchased) {
        hosts.put(HostName.of(name), new Host(HostName.of(name), Ram.parse(maxRam), purchased));
    }

    synchronized List<HostName> hostNames() {
        return List.copyOf(hosts.keySet());
    }

    /** Starts a process like exec: a fresh pid, or nothing when the host lacks the RAM. */
    synchronized Optional<Process> start(HostName host, String filename, int threads, Ram ramPerThread,
                                         List<String> args) {
        Host on = hosts.get(host);
        Ram needed = ramPerThread.times(threads);
        if (on == null || !on.maxRam().minus(used(host)).isAtLeast(needed)) {
            return Optional.empty();
        }
        Process process = new Process(Pid.of(++lastPid), host, filename, threads, ramPerThread, List.copyOf(args));
        processes.put(process.pid(), process);
        return Optional.of(process);
    }

    synchronized boolean kill(Pid pid) {
        return processes.remove(pid) != null;
    }

    synchronized boolean isRunning(Pid pid) {
        return processes.containsKey(pid);
    }

    synchronized List<Process> processes() {
        return List.copyOf(processes.values());
    }

    /** The live process of a task script for {@code target}, if one runs. */
    synchronized Optional<Process> taskFor(HostName target, List<String> taskFiles) {
        return processes.values().stream()
                .filter(process -> taskFiles.contains(process.filename()))
                .filter(process -> process.target().filter(target::equals).isPresent())
                .findFirst();
    }

    private Ram used(HostName host) {
        return processes.values().stream().filter(process -> process.host().equals(host)).map(Process::ram)
                .reduce(Ram.ZERO, Ram::plus);
    }

    /** The body of POST /scans as the agent builds it: every host's processes, the player, the targets. */
    synchronized ObjectNode scanBody(String session) {
        ObjectNode body = JSON.objectNode().put("session", session);
        ArrayNode hostList = body.putArray("hosts");
        for (Host host : hosts.values()) {
            ObjectNode entry = hostList.addObject().put("hostname", host.name().value())
                    .put("maxRam", gb(host.maxRam())).put("usedRam", gb(used(host.name())))
                    .put("cores", 1).put("purchased", host.purchased()).put("hacknet", false);
            ArrayNode list = entry.putArray("processes");
            processes.values().stream().filter(process -> process.host().equals(host.name())).forEach(process -> {
                ObjectNode item = list.addObject().put("pid", process.pid().value())
                        .put("filename", process.filename()).put("threads", process.threads())
                        .put("ramPerThread", gb(process.ramPerThread()));
                ArrayNode args = item.putArray("args");
                process.args().forEach(args::add);
            });
        }
        body.putObject("player").put("hackingLevel", HACKING_LEVEL);
        ArrayNode targetList = body.putArray("targets");
        for (Target target : targets) {
            targetList.addObject().put("hostname", target.name().value())
                    .put("security", new BigDecimal(target.security()))
                    .put("minSecurity", new BigDecimal(target.minSecurity()))
                    .put("money", target.money()).put("maxMoney", target.maxMoney())
                    .put("requiredHackingLevel", target.requiredHackingLevel()).put("growth", target.growth());
        }
        return body;
    }

    static BigDecimal gb(Ram ram) {
        return new BigDecimal(ram.toGbString());
    }
}

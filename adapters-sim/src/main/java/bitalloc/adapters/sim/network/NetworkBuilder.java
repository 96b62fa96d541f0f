package bitalloc.adapters.sim.network;

import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.scenario.NetworkProfile;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a world the way the game does (BITBURNER.md §9): every ranged value of every server is drawn once,
 * in catalog order, whatever the scenario roots, so changing the number of rooted servers does not change the
 * other servers' draws.
 */
public final class NetworkBuilder {

    private static final long GB = 100;

    private NetworkBuilder() {
    }

    public static GameNetwork build(Simulation simulation, ServerCatalog catalog, NetworkProfile profile,
                                    SplittableRandom random) {
        Map<HostName, SimHost> hosts = new LinkedHashMap<>();
        Map<HostName, SimTarget> targets = new LinkedHashMap<>();
        add(hosts, HostName.of("home"), HostKind.HOME, profile.homeCores(), profile.homeRamGb());
        int minExponent = exponent(profile.purchasedMinRamGb());
        int maxExponent = exponent(profile.purchasedMaxRamGb());
        for (int i = 0; i < profile.purchasedServers(); i++) {
            long ramGb = 1L << RandomStreams.uniform(random, minExponent, maxExponent);
            add(hosts, HostName.of("pserv-" + i), HostKind.PURCHASED, 1, ramGb);
        }
        for (int i = 0; i < profile.hacknetServers(); i++) {
            add(hosts, HostName.of("hacknet-server-" + i), HostKind.HACKNET, profile.hacknetCores(),
                    profile.hacknetRamGb());
        }
        List<DrawnServer> drawn = new ArrayList<>();
        for (ServerDefinition definition : catalog.servers()) {
            if (definition.linked()) {
                drawn.add(DrawnServer.draw(definition, random));
            }
        }
        Set<String> rooted = rootedNames(drawn, profile.rootedServers());
        for (DrawnServer server : drawn) {
            boolean isRooted = rooted.contains(server.hostname());
            HostName name = HostName.of(server.hostname());
            if (server.ramGb() > 0) {
                hosts.put(name, new SimHost(hosts.size(), name, HostKind.NETWORK, server.cores(),
                        server.ramGb() * GB, isRooted));
            }
            if (server.hackable() && server.maxMoney() > 0) {
                targets.put(name, new SimTarget(name, server.requiredLevel(), server.security(),
                        server.minSecurity(), server.startingMoney(), server.maxMoney(), server.growth(), isRooted));
            }
        }
        return new GameNetwork(simulation, hosts, targets);
    }

    private static void add(Map<HostName, SimHost> hosts, HostName name, HostKind kind, int cores, long ramGb) {
        hosts.put(name, new SimHost(hosts.size(), name, kind, cores, ramGb * GB, true));
    }

    private static int exponent(long powerOfTwo) {
        return Long.numberOfTrailingZeros(Math.max(1, powerOfTwo));
    }

    /** The scenario's rooted servers are those a player can nuke first: lowest required hacking level. */
    private static Set<String> rootedNames(List<DrawnServer> drawn, int count) {
        List<DrawnServer> byLevel = new ArrayList<>(drawn);
        byLevel.sort(Comparator.comparingLong(DrawnServer::requiredLevel).thenComparing(DrawnServer::hostname));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < Math.min(count, byLevel.size()); i++) {
            names.add(byLevel.get(i).hostname());
        }
        return names;
    }

    /** One server's values after the world build's draws (derived fields as in the game's Server constructor). */
    private record DrawnServer(String hostname, long requiredLevel, double security, double minSecurity,
                               double startingMoney, double maxMoney, long growth, long ramGb, int cores,
                               boolean hackable) {

        static DrawnServer draw(ServerDefinition d, SplittableRandom random) {
            long level = d.requiredLevel().draw(random);
            long difficulty = d.hackDifficulty().draw(random);
            long money = d.startingMoney().draw(random);
            long growth = d.growth().draw(random);
            long ramGb = d.ramOptionsGb().isEmpty() ? 0
                    : d.ramOptionsGb().get(random.nextInt(d.ramOptionsGb().size()));
            int cores = (int) d.cores().draw(random);
            double security = difficulty == 0 ? 1 : Math.min(100, difficulty);
            double minSecurity = difficulty == 0 ? 1 : Math.min(100, Math.max(1, Math.round(difficulty / 3.0)));
            return new DrawnServer(d.hostname(), level, security, minSecurity, money, 25.0 * money,
                    Math.max(1, growth), ramGb, Math.max(1, cores), d.hackable());
        }
    }
}

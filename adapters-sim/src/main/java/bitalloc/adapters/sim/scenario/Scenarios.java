package bitalloc.adapters.sim.scenario;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The built-in scenarios of issue 4: {@code early} (new game), {@code mid}, {@code late} (about 10^5 processes
 * when bitalloc fills the RAM) and {@code chaos} (mid with every fault).
 */
public final class Scenarios {

    /** Bitburner 2.8.1's release day; only used to print instants. */
    public static final Instant START = Instant.parse("2025-04-04T00:00:00Z");

    private static final Map<String, Scenario> BUILT_IN = LinkedHashMap.of(
            "early", early(), "mid", mid(), "late", late(), "chaos", chaos());

    private Scenarios() {
    }

    public static Option<Scenario> find(String name) {
        return BUILT_IN.get(name);
    }

    public static Scenario named(String name) {
        return find(name).getOrElseThrow(() -> new IllegalArgumentException(
                "unknown scenario '" + name + "'; built-in: " + names().mkString(", ")));
    }

    public static io.vavr.collection.List<String> names() {
        return BUILT_IN.keySet().toList();
    }

    /** A new game: 8 GB home running only the agent, the seven servers a new player can nuke at once. */
    public static Scenario early() {
        return new Scenario("early", START,
                new NetworkProfile(8, 1, 0, 1, 1, 7, 0, 1, 1),
                new HackingProfile(1, 60, 100),
                scripts(List.of(new CoreServiceSpec("agent.js", "home"))),
                new PlayerProfile(0.5, 0.7, Ram.parse("1.6"), Ram.parse("2.5"), 1, 2, Duration.ofSeconds(20),
                        Duration.ofMinutes(5), 0, Ram.ofGb(4), Duration.ofSeconds(10), 1, 10, 30,
                        Duration.ofSeconds(30), Duration.ofMinutes(3)),
                FaultProfile.none(),
                metrics());
    }

    /** Mid game: 1 TB home, 25 purchased servers of 64 GB to 1 TB, about 50 rooted servers. */
    public static Scenario mid() {
        return new Scenario("mid", START,
                new NetworkProfile(1024, 4, 25, 64, 1024, 50, 0, 1, 1),
                new HackingProfile(300, 30, 1500),
                scripts(List.of(new CoreServiceSpec("agent.js", "home"), new CoreServiceSpec("discovery.js", "home"))),
                new PlayerProfile(2, 0.6, Ram.parse("1.6"), Ram.parse("4"), 1, 64, Duration.ofSeconds(30),
                        Duration.ofMinutes(10), 6, Ram.ofGb(64), Duration.ofSeconds(10), 2, 10, 30,
                        Duration.ofMinutes(2), Duration.ofMinutes(15)),
                FaultProfile.none(),
                metrics());
    }

    /** Late game: home and 25 purchased servers at 2^20 GB, every server rooted, a fast player. */
    public static Scenario late() {
        return new Scenario("late", START,
                new NetworkProfile(1L << 20, 8, 25, 1L << 20, 1L << 20, 69, 0, 1, 1),
                new HackingProfile(2500, 50, 5000),
                scripts(List.of(new CoreServiceSpec("agent.js", "home"), new CoreServiceSpec("discovery.js", "home"))),
                new PlayerProfile(4, 0.5, Ram.parse("1.6"), Ram.parse("4"), 1, 10_000, Duration.ofSeconds(30),
                        Duration.ofMinutes(20), 6, Ram.ofGb(65_536), Duration.ofSeconds(10), 2, 5, 20,
                        Duration.ofMinutes(2), Duration.ofMinutes(15)),
                FaultProfile.none(),
                metrics());
    }

    /** Mid with every fault switched on, at rates high enough to show up in a few simulated minutes. */
    public static Scenario chaos() {
        return mid().withName("chaos")
                .withFaults(new FaultProfile(0.05, 0.05, Duration.ofMinutes(1), 0.02, 2, 3));
    }

    private static ScriptProfile scripts(List<CoreServiceSpec> coreServices) {
        return new ScriptProfile(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(500), coreServices, Duration.ofSeconds(3), Duration.ofSeconds(1), 2);
    }

    private static MetricsProfile metrics() {
        return new MetricsProfile(Duration.ofMinutes(5), 30);
    }
}

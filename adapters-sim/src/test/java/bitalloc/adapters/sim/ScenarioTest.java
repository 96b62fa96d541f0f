package bitalloc.adapters.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.ScenarioFile;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.ram.Ram;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @ParameterizedTest
    @ValueSource(strings = {"early", "mid", "late", "chaos"})
    void every_built_in_scenario_survives_a_round_trip_through_its_file_format(String name) {
        Scenario scenario = Scenarios.named(name);
        assertEquals(scenario, ScenarioFile.parse(ScenarioFile.write(scenario)).get());
    }

    @Test
    void a_file_may_override_a_few_fields_of_a_built_in_base() {
        Scenario read = ScenarioFile.parse("{\"base\": \"mid\", \"name\": \"busy-mid\","
                + " \"player\": {\"scriptStartsPerMinute\": 6, \"shareRam\": \"32\"},"
                + " \"faults\": {\"faultWindow\": \"90s\", \"gameReloadsPerHour\": 1}}").get();
        Scenario mid = Scenarios.mid();
        assertEquals("busy-mid", read.name());
        assertEquals(6, read.player().scriptStartsPerMinute());
        assertEquals(Ram.ofGb(32), read.player().shareRam());
        assertEquals(Duration.ofSeconds(90), read.faults().faultWindow());
        assertEquals(1, read.faults().gameReloadsPerHour());
        assertEquals(mid.network(), read.network());
        assertEquals(mid.player().maxThreads(), read.player().maxThreads());
    }

    @Test
    void mistakes_in_a_file_are_reported_not_ignored() {
        assertTrue(ScenarioFile.parse("{\"base\": \"mid\", \"player\": {\"startsPerMinut\": 6}}").getLeft()
                .contains("startsPerMinut"));
        assertTrue(ScenarioFile.parse("{\"base\": \"huge\"}").getLeft().contains("huge"));
        assertTrue(ScenarioFile.parse("{\"name\": \"x\"}").isLeft(), "without a base every field is needed");
        assertTrue(ScenarioFile.parse("{\"base\": \"mid\", \"network\": {\"homeRamGb\": 1000}}").getLeft()
                .contains("power of 2"));
        assertTrue(ScenarioFile.parse("{\"base\": \"mid\", \"scripts\": {\"linkLatency\": \"soon\"}}").isLeft());
    }

    @Test
    void the_early_network_is_an_8_gb_home_and_the_seven_servers_a_new_player_can_nuke() {
        GameNetwork network = SimWorld.create(Scenarios.early(), 1).network();
        assertEquals(8, network.usableHosts().size());
        assertEquals(800, network.home().maxRamHundredths());
        assertEquals(HostKind.HOME, network.home().kind());
        assertEquals(7, network.targets().stream().filter(t -> t.rooted()).count());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void the_mid_network_has_25_purchased_servers_of_64_gb_to_1_tb_and_about_50_rooted_servers(long seed) {
        GameNetwork network = SimWorld.create(Scenarios.mid(), seed).network();
        long purchased = 0;
        for (SimHost host : network.usableHosts()) {
            if (host.kind() == HostKind.PURCHASED) {
                purchased++;
                long gb = host.maxRamHundredths() / 100;
                assertTrue(gb >= 64 && gb <= 1024 && Long.bitCount(gb) == 1, host.toString());
            }
        }
        assertEquals(25, purchased);
        assertEquals(102400, network.home().maxRamHundredths());
        long rootedNetwork = network.hosts().stream().filter(h -> h.kind() == HostKind.NETWORK && h.rooted()).count();
        long rootedTargets = network.targets().stream().filter(t -> t.rooted()).count();
        assertTrue(rootedNetwork >= 25 && rootedTargets >= 40, rootedNetwork + " hosts, " + rootedTargets + " targets");
    }

    @Test
    void the_late_network_has_home_and_25_purchased_servers_at_2_to_the_20_gb() {
        GameNetwork network = SimWorld.create(Scenarios.late(), 1).network();
        long big = network.usableHosts().stream().filter(h -> h.maxRamHundredths() == (1L << 20) * 100).count();
        assertEquals(26, big);
    }

    @Test
    void world_draws_depend_on_the_seed_only() {
        GameNetwork a = SimWorld.create(Scenarios.mid(), 8).network();
        GameNetwork b = SimWorld.create(Scenarios.mid(), 8).network();
        assertEquals(a.usableHosts().toString(), b.usableHosts().toString());
        assertEquals(a.targets().toString(), b.targets().toString());
    }
}

package bitalloc.domain.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.host.HostName;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HackingFormulasTest {

    private static final HackingFormulas FORMULAS = new HackingFormulas(BitNode.ONE);
    private static final Player NOVICE = Player.atLevel(1);

    /** n00dles and foodnstuff as the game defines them (shared/data/bitburner-servers.json). */
    static TargetServer noodles(double security, double money) {
        return new TargetServer(HostName.of("n00dles"), 1, Security.of(security), Security.of(1), Money.of(money),
                Money.of(1_750_000), 3000);
    }

    static TargetServer foodnstuff(double security, double money) {
        return new TargetServer(HostName.of("foodnstuff"), 1, Security.of(security), Security.of(3), Money.of(money),
                Money.of(50_000_000), 5);
    }

    @Test
    void hack_grow_and_weaken_times_of_n00dles_at_level_one_match_the_game() {
        TargetServer server = noodles(1, 70_000);
        assertEquals(49_264.7, millis(FORMULAS.hackTime(server, NOVICE)), 0.1);
        assertEquals(157_647.1, millis(FORMULAS.growTime(server, NOVICE)), 0.1);
        assertEquals(197_058.8, millis(FORMULAS.weakenTime(server, NOVICE)), 0.1);
    }

    @Test
    void higher_security_makes_hacking_slower() {
        assertEquals(51_470.6, millis(FORMULAS.hackTime(foodnstuff(10, 0), NOVICE)), 0.1);
    }

    @Test
    void hack_chance_falls_with_security_and_rises_with_skill() {
        assertEquals(0.75 / 1.75 * 0.99, FORMULAS.hackChance(noodles(1, 0), NOVICE), 1e-12);
        assertEquals(0.0, FORMULAS.hackChance(noodles(100, 0), NOVICE));
        assertEquals((175 - 1) / 175.0 * 0.99, FORMULAS.hackChance(noodles(1, 0), Player.atLevel(100)), 1e-12);
    }

    @Test
    void hack_takes_a_fraction_per_thread_that_needs_the_required_level() {
        assertEquals(0.99 / 240, FORMULAS.hackFractionPerThread(noodles(1, 0), NOVICE), 1e-15);
        TargetServer demanding = new TargetServer(HostName.of("joesguns"), 10, Security.of(5), Security.of(5),
                Money.of(1), Money.of(1), 20);
        assertEquals(0.0, FORMULAS.hackFractionPerThread(demanding, Player.atLevel(5)));
    }

    @ParameterizedTest(name = "removing {0} security on {1} core(s) takes {2} weaken threads")
    @CsvSource({"10, 1, 200", "0.04, 1, 1", "0.05, 1, 1", "0.051, 1, 2", "10, 2, 189", "0, 1, 0"})
    void weaken_threads_remove_a_twentieth_per_thread_more_with_cores(double drop, int cores, long threads) {
        assertEquals(threads, FORMULAS.weakenThreadsFor(drop, cores));
    }

    @Test
    void tilling_lowers_security_to_its_minimum() {
        assertEquals(140, FORMULAS.weakenThreadsToMinimum(foodnstuff(10, 0), 1));
        assertEquals(0, FORMULAS.weakenThreadsToMinimum(foodnstuff(3, 0), 1));
    }

    @ParameterizedTest(name = "{0}: ${1} to ${2} at security {3} takes {4} grow threads")
    @CsvSource({
            "n00dles, 0, 1750000, 1, 94",
            "n00dles, 70000, 1750000, 1, 31",
            "n00dles, 875000, 1750000, 1, 7",
            "foodnstuff, 2000000, 50000000, 3, 18374",
            "foodnstuff, 2000000, 50000000, 10, 21421",
            "foodnstuff, 25000000, 50000000, 3, 3967",
            "foodnstuff, 50000000, 50000000, 3, 0"})
    void grow_threads_are_the_fewest_that_reach_the_goal(String name, double start, double goal, double security,
                                                          long threads) {
        TargetServer server = name.equals("n00dles") ? noodles(security, start) : foodnstuff(security, start);
        long planned = FORMULAS.growThreads(server, NOVICE, Money.of(start), Money.of(goal), 1);
        assertEquals(threads, planned);
        if (planned > 0) {
            assertTrue(FORMULAS.moneyAfterGrow(server, NOVICE, planned, 1).dollars() >= goal * (1 - 1e-12));
            assertTrue(FORMULAS.moneyAfterGrow(server, NOVICE, planned - 1, 1).dollars() < goal);
        }
    }

    @Test
    void grow_and_hack_raise_security_by_fixed_amounts_per_thread() {
        assertEquals(0.04, FORMULAS.hackSecurityIncrease(20), 1e-12);
        assertEquals(0.4, FORMULAS.growSecurityIncrease(100), 1e-12);
        assertEquals(0.05 * 16 * (1 + 3 / 16.0), FORMULAS.weakenEffect(16, 4), 1e-12);
    }

    @Test
    void more_cores_on_the_host_need_fewer_grow_threads() {
        TargetServer server = foodnstuff(3, 2_000_000);
        long oneCore = FORMULAS.growThreads(server, NOVICE, server.money(), server.maxMoney(), 1);
        long eightCores = FORMULAS.growThreads(server, NOVICE, server.money(), server.maxMoney(), 8);
        assertTrue(eightCores < oneCore * 0.7, eightCores + " vs " + oneCore);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

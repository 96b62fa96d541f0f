package bitalloc.domain.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.ram.Ram;
import org.junit.jupiter.api.Test;

/** DESIGN A9: RAM kept off-limits per host kind and name pattern. */
class SetAsidePolicyTest {

    private static Ram gb(String gb) {
        return Ram.parse(gb);
    }

    @Test
    void home_keeps_some_ram_for_the_player_by_default() {
        assertEquals(gb("4"), SetAsidePolicy.DEFAULT.setAsideFor(HostName.of("home"), HostKind.HOME, gb("32")));
        assertEquals(gb("102.4"),
                SetAsidePolicy.DEFAULT.setAsideFor(HostName.of("home"), HostKind.HOME, gb("1024")));
    }

    @Test
    void hacknet_servers_are_excluded_by_default() {
        assertEquals(gb("64"),
                SetAsidePolicy.DEFAULT.setAsideFor(HostName.of("hacknet-server-0"), HostKind.HACKNET, gb("64")));
    }

    @Test
    void other_hosts_keep_nothing_by_default() {
        assertEquals(Ram.ZERO, SetAsidePolicy.DEFAULT.setAsideFor(HostName.of("omega-net"), HostKind.NETWORK,
                gb("32")));
    }

    @Test
    void a_name_pattern_rule_overrides_the_defaults() {
        SetAsidePolicy policy = SetAsidePolicy.DEFAULT
                .overriddenBy(SetAsideRule.forNames("hacknet-*", SetAside.NONE))
                .overriddenBy(SetAsideRule.forNames("pserv-?", SetAside.fixed(gb("2"))));

        assertEquals(Ram.ZERO, policy.setAsideFor(HostName.of("hacknet-server-1"), HostKind.HACKNET, gb("64")));
        assertEquals(gb("2"), policy.setAsideFor(HostName.of("pserv-3"), HostKind.PURCHASED, gb("64")));
        assertEquals(Ram.ZERO, policy.setAsideFor(HostName.of("pserv-13"), HostKind.PURCHASED, gb("64")));
    }

    @Test
    void a_set_aside_never_exceeds_the_host() {
        assertEquals(gb("2"), SetAside.fixed(gb("8")).of(gb("2")));
    }

    @Test
    void glob_patterns_match_literally_apart_from_star_and_question_mark() {
        assertTrue(HostNamePattern.glob("a.b*").matches(HostName.of("a.bc")));
        assertFalse(HostNamePattern.glob("a.b*").matches(HostName.of("axbc")));
    }
}

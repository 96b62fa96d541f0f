package bitalloc.domain.allocator;

import static bitalloc.domain.allocator.Fixtures.PLAIN;
import static bitalloc.domain.allocator.Fixtures.SESSION;
import static bitalloc.domain.allocator.Fixtures.allocator;
import static bitalloc.domain.allocator.Fixtures.at;
import static bitalloc.domain.allocator.Fixtures.gb;
import static bitalloc.domain.allocator.Fixtures.host;
import static bitalloc.domain.allocator.Fixtures.name;
import static bitalloc.domain.allocator.Fixtures.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.Registration;
import bitalloc.domain.allocation.RegistrationOutcome;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.process.Pid;
import bitalloc.domain.scan.DroppedRegistration;
import bitalloc.domain.scan.ScanReport;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** DESIGN A5: core services declare themselves, are counted as ours, and are aged out when they vanish. */
class RegistrationTest {

    private final Allocator allocator = allocator(PLAIN);

    @Test
    void a_registered_service_counts_as_ours_not_foreign() {
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));

        ScanReport report = allocator.scan(SESSION,
                List.of(host("home", HostKind.HOME, "32", process(5, "agent.js", 1, "2.6"))), at(0));

        assertEquals(gb("0"), report.hosts().head().foreign());
        assertEquals(gb("2.6"), report.hosts().head().ours());
        assertEquals(gb("29.4"), allocator.effectiveFree(name("home")));
    }

    @Test
    void registering_twice_changes_nothing_and_says_so() {
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));

        assertInstanceOf(RegistrationOutcome.AlreadyRegistered.class,
                allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(1)));
        assertEquals(1, allocator.registrations().size());
    }

    @Test
    void unregistering_gives_the_ram_back_and_a_second_unregister_says_not_registered() {
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(0));
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));

        assertInstanceOf(RegistrationOutcome.Unregistered.class, allocator.unregister(name("home"), Pid.of(5)));
        assertEquals(new RegistrationOutcome.NotRegistered(name("home"), Pid.of(5)),
                allocator.unregister(name("home"), Pid.of(5)));
        assertEquals(gb("32"), allocator.effectiveFree(name("home")));
    }

    @Test
    void a_registration_survives_one_scan_without_its_pid_as_grace() {
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));

        ScanReport report = allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(1));

        assertTrue(report.droppedRegistrations().isEmpty());
        assertEquals(1, allocator.registrations().size());
    }

    @Test
    void a_pid_that_reappears_within_the_grace_keeps_its_registration() {
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(1));
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32", process(5, "agent.js", 1, "2.6"))), at(2));

        ScanReport report = allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32")), at(3));

        assertTrue(report.droppedRegistrations().isEmpty());
    }

    @Test
    void a_game_reload_ends_the_registrations_of_the_old_session() {
        allocator.scan(SESSION, List.of(host("home", HostKind.HOME, "32", process(5, "agent.js", 1, "2.6"))), at(0));
        allocator.register(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));

        ScanReport report = allocator.scan(SESSION.next(),
                List.of(host("home", HostKind.HOME, "32", process(5, "player.js", 1, "2.6"))), at(1));

        Registration old = new Registration(name("home"), Pid.of(5), gb("2.6"), SESSION, at(0));
        assertEquals(List.of(new DroppedRegistration(old, DroppedRegistration.Reason.SESSION_ENDED)),
                report.droppedRegistrations());
        assertEquals(gb("2.6"), report.hosts().head().foreign());
    }
}

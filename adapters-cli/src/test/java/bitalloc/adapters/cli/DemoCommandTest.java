package bitalloc.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void the_demo_walks_through_allocation_claim_scan_refusal_and_release_and_exits_zero() {
        CommandLine cli = BitallocCli.commandLine(url -> io.vavr.control.Either.left("no store in this test"),
                (spec, progress) -> io.vavr.control.Either.left("no simulator in this test"),
                (spec, notices) -> io.vavr.control.Either.left("no live game in this test"), java.time.Clock.systemUTC());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        int exitCode = cli.execute("demo");

        String text = out.toString();
        assertEquals(0, exitCode);
        for (String expected : new String[] {"Claimed", "ClaimExceedsGrant", "NotEnoughFree", "ChunkLargerThanAnyHost",
                "OverFree", "AlreadyReleased", "exited: pid 13 manual-hack.js", "released for having no live process"}) {
            assertTrue(text.contains(expected), "demo output lacks '" + expected + "':\n" + text);
        }
    }

    @Test
    void the_demo_is_listed_in_the_help() {
        StringWriter out = new StringWriter();
        CommandLine cli = BitallocCli.commandLine(url -> io.vavr.control.Either.left("no store in this test"),
                (spec, progress) -> io.vavr.control.Either.left("no simulator in this test"),
                (spec, notices) -> io.vavr.control.Either.left("no live game in this test"), java.time.Clock.systemUTC());
        cli.setOut(new PrintWriter(out));

        cli.execute("--help");

        assertTrue(out.toString().contains("demo"));
    }
}

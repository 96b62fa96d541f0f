package bitalloc.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.domain.selection.FillerScript;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ConfigOptions options;
    }

    private static BitallocConfig parsed(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.options.toConfig();
    }

    @Test
    void with_no_flags_the_configuration_is_the_documented_default() {
        assertEquals(BitallocConfig.defaults(), parsed());
    }

    @Test
    void spare_ram_goes_to_the_filler_unless_no_fill_is_given() {
        assertEquals(Option.some(FillerScript.DEFAULT), parsed().filler());
        assertEquals(Option.some(FillerScript.DEFAULT), parsed("--fill").filler());
        assertTrue(parsed("--no-fill").filler().isEmpty());
    }
}

package bitalloc.adapters.cli;

import bitalloc.application.config.BitallocConfig;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** How {@code simulate} reaches the simulator; the composition root supplies it, so this package sees no adapter. */
public interface SimulationAccess {

    /**
     * Runs one simulation and returns its report keyed by the metric names of DESIGN.md §7 (nested at the dots).
     * Left is a one-line reason: an unknown scenario, a scenario file that does not parse, a store that cannot open.
     */
    Either<String, Map<String, Object>> run(Spec spec, Progress progress);

    record Spec(String scenario, Option<Path> scenarioFile, long seed, Duration duration, BitallocConfig config,
                Option<String> jdbcUrl) {
    }

    /** Simulated time done so far, for a progress bar. */
    @FunctionalInterface
    interface Progress {
        void advanced(Duration simulated, Duration total);
    }
}

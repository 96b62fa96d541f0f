package bitalloc.adapters.cli;

import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitalloc simulate}: the main job, bitalloc against a simulated Bitburner network in virtual time. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run bitalloc against a simulated Bitburner network and report the metrics of DESIGN.md section 7.")
public final class SimulateCommand implements Callable<Integer> {

    private final SimulationAccess simulations;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", description = "early, mid, late or chaos (default: ${DEFAULT-VALUE})")
    String scenario = "mid";

    @Option(names = "--scenario-file", description = "read the scenario from this JSON file instead (format: adapters-sim/README-sim.md)")
    Path scenarioFile;

    @Option(names = "--seed", description = "random seed; the same seed gives the same report (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--duration", converter = DurationConverter.class, description = "simulated time (default: 2h)")
    Duration duration = Duration.ofHours(2);

    @Option(names = "--json", description = "print one JSON object keyed by the metric names instead of the report")
    boolean json;

    @Option(names = "--compare", description = "run once per estimator x margin policy and print one table")
    boolean compare;

    @Mixin
    ConfigOptions config;

    @Mixin
    StoreOptions store;

    SimulateCommand(SimulationAccess simulations) {
        this.simulations = simulations;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (compare) {
            return compare(out);
        }
        Either<String, Map<String, Object>> result = runOnce(config, label());
        if (result.isLeft()) {
            spec.commandLine().getErr().println("bitalloc simulate: " + result.getLeft());
            return 2;
        }
        out.print(json ? Json.write(result.get()) + System.lineSeparator() : ReportText.simulation(result.get()));
        out.flush();
        return 0;
    }

    private Integer compare(PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConfigOptions.Estimator estimator : ConfigOptions.Estimator.values()) {
            for (ConfigOptions.Margin margin : ConfigOptions.Margin.values()) {
                String name = estimator.name().toLowerCase() + " + " + margin.name().toLowerCase();
                Either<String, Map<String, Object>> result = runOnce(config.with(estimator, margin), name);
                if (result.isLeft()) {
                    spec.commandLine().getErr().println("bitalloc simulate: " + result.getLeft());
                    return 2;
                }
                rows.add(ReportText.comparisonRow(name, result.get()));
            }
        }
        out.print(json ? Json.write(rows) + System.lineSeparator() : ReportText.table(rows));
        out.flush();
        return 0;
    }

    private Either<String, Map<String, Object>> runOnce(ConfigOptions options, String label) {
        SimulationAccess.Spec request = new SimulationAccess.Spec(scenario, io.vavr.control.Option.of(scenarioFile), seed, duration,
                options.toConfig(), store.jdbcUrl());
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(duration.toMinutes())
                .setUnit(" sim-min", 1).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            return simulations.run(request, (done, total) -> bar.stepTo(done.toMinutes()));
        }
    }

    private String label() {
        return (scenarioFile != null ? scenarioFile.getFileName().toString() : scenario) + " seed " + seed;
    }
}

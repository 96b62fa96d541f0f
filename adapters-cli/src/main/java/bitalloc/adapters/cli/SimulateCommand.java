package bitalloc.adapters.cli;

import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    @Option(names = "--seeds", description = "run every seed of a range (1..20) or list (1,5,9) and sum up the worst "
            + "and mean of each metric; with --compare, one summary row per estimator x margin")
    String seeds;

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
        Either<String, List<Long>> chosenSeeds = seeds == null ? Either.right(List.of(seed)) : SeedSweep.parse(seeds);
        if (chosenSeeds.isLeft()) {
            return failed(chosenSeeds.getLeft());
        }
        if (compare) {
            return compare(out, chosenSeeds.get());
        }
        if (seeds != null) {
            return sweep(out, chosenSeeds.get());
        }
        Either<String, Map<String, Object>> result = runOnce(config, seed, label(seed));
        if (result.isLeft()) {
            return failed(result.getLeft());
        }
        out.print(json ? Json.write(result.get()) + System.lineSeparator() : ReportText.simulation(result.get()));
        out.flush();
        return 0;
    }

    /** One row per estimator x margin: the run's metrics for one seed, the sweep's summary for several. */
    private Integer compare(PrintWriter out, List<Long> chosenSeeds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConfigOptions.Estimator estimator : ConfigOptions.Estimator.values()) {
            for (ConfigOptions.Margin margin : ConfigOptions.Margin.values()) {
                String name = estimator.name().toLowerCase() + " + " + margin.name().toLowerCase();
                Either<String, List<Map<String, Object>>> reports = runSeeds(config.with(estimator, margin),
                        chosenSeeds, name);
                if (reports.isLeft()) {
                    return failed(reports.getLeft());
                }
                rows.add(seeds == null ? ReportText.comparisonRow(name, reports.get().get(0))
                        : SeedSweep.summary("estimator + margin", name, reports.get()));
            }
        }
        out.print(json ? Json.write(rows) + System.lineSeparator() : ReportText.table(rows));
        out.flush();
        return 0;
    }

    /** One row per seed, then the summary: worst clashes, leak and reclaim, least and mean utilisation. */
    private Integer sweep(PrintWriter out, List<Long> chosenSeeds) {
        String name = config.estimator.name().toLowerCase() + " + " + config.margin.name().toLowerCase();
        Either<String, List<Map<String, Object>>> reports = runSeeds(config, chosenSeeds, name);
        if (reports.isLeft()) {
            return failed(reports.getLeft());
        }
        Map<String, Object> summary = SeedSweep.summary("estimator + margin", name, reports.get());
        if (json) {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("summary", summary);
            both.put("runs", reports.get());
            out.print(Json.write(both) + System.lineSeparator());
        } else {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> report : reports.get()) {
                rows.add(ReportText.comparisonRow("seed " + report.get("seed"), report));
            }
            out.print(ReportText.table(rows) + System.lineSeparator() + ReportText.table(List.of(summary)));
        }
        out.flush();
        return 0;
    }

    private Either<String, List<Map<String, Object>>> runSeeds(ConfigOptions options, List<Long> chosenSeeds,
                                                               String name) {
        List<Map<String, Object>> reports = new ArrayList<>();
        for (long each : chosenSeeds) {
            Either<String, Map<String, Object>> result = runOnce(options, each,
                    name + (chosenSeeds.size() > 1 ? " seed " + each : ""));
            if (result.isLeft()) {
                return Either.left(result.getLeft());
            }
            reports.add(result.get());
        }
        return Either.right(reports);
    }

    private int failed(String reason) {
        spec.commandLine().getErr().println("bitalloc simulate: " + reason);
        return 2;
    }

    private Either<String, Map<String, Object>> runOnce(ConfigOptions options, long runSeed, String label) {
        SimulationAccess.Spec request = new SimulationAccess.Spec(scenario, io.vavr.control.Option.of(scenarioFile),
                runSeed, duration, options.toConfig(), store.jdbcUrl());
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(duration.toMinutes())
                .setUnit(" sim-min", 1).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            return simulations.run(request, (done, total) -> bar.stepTo(done.toMinutes()));
        }
    }

    private String label(long runSeed) {
        return (scenarioFile != null ? scenarioFile.getFileName().toString() : scenario) + " seed " + runSeed;
    }
}

package bitalloc.boot;

import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.ScenarioFile;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.application.config.BitallocConfig;
import bitalloc.domain.selection.TaskScript;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.TaskScripts;
import bitalloc.adapters.cli.SimulationAccess;
import bitalloc.adapters.persistence.DatabaseUrl;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The simulator as the command line sees it: a scenario by name or file, a seed, a duration, a configuration,
 * and a store: the embedded H2 file by default, any JDBC URL, or {@code mem} for none.
 */
public final class Simulations implements SimulationAccess {

    private final UnaryOperator<String> environment;

    public Simulations(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Runs the request; a scenario that does not exist or does not parse is a message, not an exception. */
    @Override
    public Either<String, Map<String, Object>> run(Spec request, Progress progress) {
        return scenario(request).flatMap(scenario -> store(request.jdbcUrl()).map(store -> {
            try {
                return SimulationRun.run(scenario, request.seed(), request.duration(),
                        withWorldScripts(request.config()), store, progress).toMap();
            } finally {
                store.close();
            }
        }));
    }

    private Either<String, Store> store(Option<String> jdbcUrl) {
        if (jdbcUrl.contains("mem")) {
            return Either.right(Stores.inMemory());
        }
        Either<String, DatabaseUrl> url = jdbcUrl.isDefined() ? DatabaseUrl.parse(jdbcUrl.get())
                : Either.right(DatabaseUrl.embeddedDefault(environment, Path.of(System.getProperty("user.home"))));
        return url.flatMap(parsed -> Try.of(() -> Stores.sql(parsed)).toEither()
                .mapLeft(e -> "cannot open the store at " + parsed + ": " + e.getMessage()));
    }

    private static Either<String, Scenario> scenario(Spec request) {
        if (request.scenarioFile().isDefined()) {
            return ScenarioFile.read(request.scenarioFile().get());
        }
        return Scenarios.find(request.scenario()).toEither(() -> "no scenario named '" + request.scenario()
                + "'; built in: " + Scenarios.names().mkString(", ") + " (or give --scenario-file)");
    }

    /** The selector must plan with the task scripts' real RAM, which the simulated game knows. */
    static BitallocConfig withWorldScripts(BitallocConfig config) {
        ScriptCatalog catalog = ScriptCatalog.builtIn();
        TaskScripts scripts = new TaskScripts(script(catalog, ScriptCatalog.TILL), script(catalog, ScriptCatalog.SOW),
                script(catalog, ScriptCatalog.HARVEST));
        BitallocConfig withScripts = config.withSelector(config.selector().withTaskScripts(scripts));
        return withScripts.filler().isEmpty() ? withScripts : withScripts.withFiller(io.vavr.control.Option.some(
                new FillerScript(ScriptCatalog.XP, catalog.get(ScriptCatalog.XP).ramPerThread())));
    }

    private static TaskScript script(ScriptCatalog catalog, String name) {
        return new TaskScript(name, catalog.get(name).ramPerThread());
    }
}

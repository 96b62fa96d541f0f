package bitalloc.boot;

import bitalloc.adapters.sim.scenario.Scenario;
import bitalloc.adapters.sim.scenario.ScenarioFile;
import bitalloc.adapters.sim.scenario.Scenarios;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.application.config.BitallocConfig;
import bitalloc.domain.selection.TaskScript;
import bitalloc.domain.selection.TaskScripts;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The simulator as the command line sees it: a scenario by name or file, a seed, a duration, a configuration. */
public final class Simulations {

    private Simulations() {
    }

    public record Request(String scenario, Optional<Path> scenarioFile, long seed, Duration duration,
                          BitallocConfig config, StoreChoice store) {
    }

    /** The built-in scenario names, for help texts. */
    public static List<String> scenarioNames() {
        return Scenarios.names();
    }

    /** Runs the request; a scenario that does not exist or does not parse is a message, not an exception. */
    public static Either<String, Map<String, Object>> run(Request request, SimulationRun.Progress progress) {
        return scenario(request).map(scenario -> {
            Store store = request.store().open();
            try {
                return SimulationRun.run(scenario, request.seed(), request.duration(), withWorldScripts(request.config()),
                        store, progress).toMap();
            } finally {
                store.close();
            }
        });
    }

    private static Either<String, Scenario> scenario(Request request) {
        if (request.scenarioFile().isPresent()) {
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
        return config.withSelector(config.selector().withTaskScripts(scripts));
    }

    private static TaskScript script(ScriptCatalog catalog, String name) {
        return new TaskScript(name, catalog.get(name).ramPerThread());
    }
}

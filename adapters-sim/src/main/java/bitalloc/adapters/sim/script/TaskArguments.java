package bitalloc.adapters.sim.script;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.vavr.control.Try;

/**
 * A task script's arguments as bitalloc's selector writes them: one {@code --name=value} each
 * ({@code --target=joesguns --weakenThreads=40 …}); anything else (the allocation tag, stray words) is ignored.
 */
record TaskArguments(Map<String, String> values) {

    static TaskArguments parse(List<String> args) {
        Map<String, String> values = HashMap.empty();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                values = values.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        return new TaskArguments(values);
    }

    Option<String> text(String name) {
        return values.get(name).filter(value -> !value.isBlank());
    }

    Option<Long> positiveLong(String name) {
        return text(name).flatMap(s -> Try.of(() -> Long.parseLong(s)).toOption()).filter(n -> n > 0);
    }

    Option<Double> fraction(String name) {
        return text(name).flatMap(s -> Try.of(() -> Double.parseDouble(s)).toOption()).filter(f -> f > 0 && f < 1);
    }
}

package bitalloc.adapters.sim.scenario;

import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenarios as JSON (format in {@code adapters-sim/README-sim.md}). A file may name a built-in {@code "base"} and
 * override only some fields, nested objects merged field by field; without a base every field is required.
 * RAM is written as GB ({@code "1.75"} or {@code 8}), durations as {@code "500ms"}, {@code "2s"}, {@code "5m"},
 * {@code "2h"} or ISO-8601 ({@code "PT2S"}). Unknown fields are errors, so typos do not pass silently.
 */
public final class ScenarioFile {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final ObjectMapper MAPPER = mapper();

    private ScenarioFile() {
    }

    public static Either<String, Scenario> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Either.left("cannot read scenario file " + file + ": " + e.getMessage());
        }
    }

    public static Either<String, Scenario> parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                return Either.left("a scenario file holds one JSON object");
            }
            ObjectNode overrides = (ObjectNode) root;
            JsonNode base = overrides.remove("base");
            ObjectNode merged;
            if (base == null) {
                merged = overrides;
            } else {
                if (Scenarios.find(base.asText()).isEmpty()) {
                    return Either.left("unknown base scenario '" + base.asText() + "'; built-in: "
                            + Scenarios.names().mkString(", "));
                }
                merged = MAPPER.valueToTree(Scenarios.named(base.asText()));
                merge(merged, overrides);
            }
            return Either.right(MAPPER.treeToValue(merged, Scenario.class));
        } catch (JsonProcessingException e) {
            return Either.left("invalid scenario: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Either.left("invalid scenario: " + e.getMessage());
        }
    }

    /** The scenario as a complete JSON document that {@link #parse} reads back to an equal scenario. */
    public static String write(Scenario scenario) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always serializes", e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        for (Map.Entry<String, JsonNode> field : overrides.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    static Duration parseDuration(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT_DURATION.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 500ms, 2s, 5m, 2h or PT2S)");
        }
    }

    static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("bitalloc-sim-scenario");
        module.addSerializer(Ram.class, new JsonSerializer<>() {
            @Override
            public void serialize(Ram value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toGbString());
            }
        });
        module.addDeserializer(Ram.class, new JsonDeserializer<>() {
            @Override
            public Ram deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Ram.parse(p.getValueAsString());
            }
        });
        module.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(formatDuration(value));
            }
        });
        module.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return parseDuration(p.getValueAsString());
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not an instant: '" + p.getValueAsString() + "'");
                }
            }
        });
        return new ObjectMapper()
                .registerModule(module)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}

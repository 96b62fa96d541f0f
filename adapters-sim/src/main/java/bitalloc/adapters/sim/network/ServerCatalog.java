package bitalloc.adapters.sim.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The game's server list (Bitburner 2.8.1), read from the copy of {@code bitburner-servers.json} shipped in this
 * module's resources. Values given as {@code {"min":a,"max":b}} become ranges drawn at world build.
 */
public final class ServerCatalog {

    public static final String RESOURCE = "/bitalloc/adapters/sim/bitburner-servers.json";

    private final List<ServerDefinition> servers;

    private ServerCatalog(List<ServerDefinition> servers) {
        this.servers = servers;
    }

    public static ServerCatalog bundled() {
        try (InputStream in = ServerCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ServerCatalog read(JsonNode root) {
        List<ServerDefinition> servers = List.empty();
        for (JsonNode server : root.get("servers")) {
            servers = servers.prepend(definition(server));
        }
        return new ServerCatalog(servers.reverse());
    }

    private static ServerDefinition definition(JsonNode s) {
        JsonNode layer = s.get("networkLayer");
        return new ServerDefinition(
                s.get("hostname").asText(),
                layer == null || layer.isNull() ? 0 : layer.asInt(),
                s.get("numOpenPortsRequired").asInt(),
                range(s.get("requiredHackingSkill")),
                range(s.get("hackDifficultyDefined")),
                range(s.get("startingMoney")),
                range(s.get("serverGrowth")),
                ramOptions(s),
                range(s.get("cpuCores")),
                s.get("hackable").asBoolean());
    }

    private static IntRange range(JsonNode value) {
        if (value == null || value.isNull()) {
            return IntRange.fixed(0);
        }
        if (value.isObject()) {
            return new IntRange(value.get("min").asLong(), value.get("max").asLong());
        }
        return IntRange.fixed(value.asLong());
    }

    private static List<Long> ramOptions(JsonNode s) {
        JsonNode options = s.get("maxRamOptions");
        if (options != null && options.isArray()) {
            List<Long> sizes = List.empty();
            for (JsonNode option : options) {
                sizes = sizes.prepend(option.asLong());
            }
            return sizes.reverse();
        }
        long fixed = s.get("maxRam").asLong();
        return fixed > 0 ? List.of(fixed) : List.empty();
    }

    public List<ServerDefinition> servers() {
        return servers;
    }
}

package bitalloc.adapters.http.json;

import bitalloc.adapters.http.api.AllocationTag;
import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Reads request bodies as exact JSON trees and writes response records. Decimals are kept as BigDecimal so RAM
 * is never seen through a double; duplicate keys and trailing content are malformed JSON.
 */
public final class JsonCodec {

    private final ObjectMapper mapper;
    /** For bodies validated while streaming: repeated fields are reported by the reader, not the parser. */
    private final ObjectMapper streaming;

    public JsonCodec() {
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .addModule(domainTypes())
                .build();
        this.streaming = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /** Domain values appear on the wire as the game shows them: RAM as GB with two decimals, ids as text. */
    private static SimpleModule domainTypes() {
        SimpleModule module = new SimpleModule("bitalloc-wire");
        module.addSerializer(Ram.class, serializer((ram, out) -> out.writeNumber(BigDecimal.valueOf(ram.hundredths(), 2))));
        module.addSerializer(Pid.class, serializer((pid, out) -> out.writeNumber(pid.value())));
        module.addSerializer(CommandId.class, serializer((id, out) -> out.writeNumber(id.value())));
        module.addSerializer(HostName.class, serializer((host, out) -> out.writeString(host.value())));
        module.addSerializer(AllocationId.class, serializer((id, out) -> out.writeString(id.toString())));
        module.addSerializer(AllocationTag.class, serializer((tag, out) -> out.writeString(tag.value())));
        module.addSerializer(ScriptPath.class, serializer((path, out) -> out.writeString(path.value())));
        return module;
    }

    private static <T> JsonSerializer<T> serializer(Writer<T> writer) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                writer.write(value, out);
            }
        };
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, JsonGenerator out) throws IOException;
    }

    /** The body as a JSON tree, or why it is not JSON (a message safe to show the client). */
    public Either<String, JsonNode> read(byte[] body) {
        if (body.length == 0) {
            return Either.left("the body is empty; a JSON object was expected");
        }
        try {
            return Either.right(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            return Either.left(e.getOriginalMessage());
        } catch (IOException e) {
            return Either.left("the body could not be read as JSON");
        }
    }

    /** Runs a streaming reader over the body; the left side says why the body is not JSON. */
    public <T> Either<String, T> stream(byte[] body, StreamReader<T> reader) {
        try {
            return stream(streaming.createParser(body), reader);
        } catch (IOException e) {
            return Either.left("the body could not be read as JSON");
        }
    }

    /** A parser over part of a body, configured as for {@link #stream}; for values cut out of a larger body. */
    public JsonParser parser(byte[] body, int offset, int length) throws IOException {
        return streaming.createParser(body, offset, length);
    }

    private static <T> Either<String, T> stream(JsonParser opened, StreamReader<T> reader) {
        try (JsonParser parser = opened) {
            if (parser.nextToken() == null) {
                return Either.left("the body is empty; a JSON object was expected");
            }
            T result = reader.read(parser);
            if (parser.nextToken() != null) {
                return Either.left("unexpected content after the JSON value");
            }
            return Either.right(result);
        } catch (JsonProcessingException e) {
            return Either.left(e.getOriginalMessage());
        } catch (IOException e) {
            return Either.left("the body could not be read as JSON");
        }
    }

    /** Reads a body from a parser on its first token. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("response could not be serialised: " + value.getClass(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}

package bitalloc.adapters.http.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.Commands.Scan;
import bitalloc.adapters.http.json.JsonCodec;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast reader is only a shortcut: for any body, the answer to a scan is the one the streaming checks give.
 * Seeded random bodies of the agent's shape, each value sometimes replaced by an unusual or wrong one.
 */
class AgentScanReaderTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final String[] RAM = {"1.75", "2", "0", "1.7", "0.05", "1.755", "1e2", "-1", "01", "1.", "2.50",
        "1073741824", "1073741825", "\"1.6\"", "null", "1.6E0", "10.0"};
    private static final String[] PID = {"7", "0", "-3", "9007199254740991", "9007199254740992", "1.0", "\"8\"",
        "00", "12345678901234567890"};
    private static final String[] THREADS = {"1", "3", "0", "2147483647", "2147483648", "1.5", "true"};
    private static final String[] FILENAME = {"\"hack.js\"", "\"bitalloc/weaken.js\"", "\"/abs.js\"", "\" \"",
        "\"\"", "\"h\\u0061ck.js\"", "\"é.js\"", "7", "null"};
    private static final String[] ARG = {"\"n00dles\"", "\"--allocId=x\"", "3", "-4", "-0", "true", "false", "null",
        "1.5", "{\"a\":1}", "[1]", "\"tab\\there\"", "\"ünï\"", "\"\"", "01", "1e3"};
    private static final String[] SPACE = {"", "", "", " ", "\n  ", "\t"};

    @TestFactory
    Stream<DynamicTest> answers_every_body_as_the_streaming_checks_do() {
        return LongStream.range(0, 500).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            String body = body(new SplittableRandom(seed));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertEquals(JSON.stream(bytes, ScanRequests::scan).toString(), ScanRequests.read(bytes, JSON).toString(),
                    () -> "seed " + seed + ": " + body);
            Option<Scan> fast = AgentScanReader.read(bytes, JSON);
            fast.forEach(scan -> assertEquals(JSON.stream(bytes, ScanRequests::scan).get().get(), scan,
                    "seed " + seed + ": " + body));
        }));
    }

    @Test
    void reads_the_usual_body_without_the_streaming_checks() {
        int fast = 0;
        for (long seed = 0; seed < 300; seed++) {
            if (AgentScanReader.read(body(new SplittableRandom(seed)).getBytes(StandardCharsets.UTF_8), JSON)
                    .isDefined()) {
                fast++;
            }
        }
        assertTrue(fast >= 30, "only " + fast + " of 300 bodies read fast");
    }

    /** Mostly usual values; each value unusual with a small chance, so some whole bodies stay usual. */
    private static String body(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{").append(space(random)).append("\"session\":\"s1\",")
                .append(space(random)).append("\"hosts\":[");
        int hosts = random.nextInt(4);
        long pid = 1;
        for (int h = 0; h < hosts; h++) {
            json.append(h > 0 ? "," : "").append("{\"hostname\":\"").append(h == 0 ? "home" : "pserv-" + h)
                    .append("\",\"maxRam\":").append(pick(random, "1024", "64.5", "-2", "\"8\""))
                    .append(",\"usedRam\":").append(pick(random, "12.25", "0", "2048"))
                    .append(",\"cores\":").append(pick(random, "1", "4", "0"))
                    .append(random.nextInt(3) == 0 ? ",\"purchased\":true" : "")
                    .append(random.nextInt(20) == 0 ? ",\"extra\":1" : "")
                    .append(",\"processes\":[");
            int processes = random.nextInt(5);
            for (int p = 0; p < processes; p++) {
                json.append(p > 0 ? "," : "").append(space(random)).append(process(random, pid++));
            }
            json.append("]}");
        }
        json.append("]");
        if (random.nextInt(4) == 0) {
            json.append(",\"player\":{\"hackingLevel\":").append(pick(random, "5", "0")).append("}");
        }
        if (random.nextInt(5) == 0) {
            json.append(",\"targets\":[]");
        }
        json.append(space(random)).append("}").append(random.nextInt(40) == 0 ? "x" : space(random));
        String body = json.toString();
        return random.nextInt(40) == 0 ? body.substring(0, random.nextInt(body.length())) : body;
    }

    private static String process(SplittableRandom random, long pid) {
        String[] fields = {
            "\"pid\":" + pick(random, Long.toString(pid), PID),
            "\"filename\":" + pick(random, "\"hack.js\"", FILENAME),
            "\"threads\":" + pick(random, "2", THREADS),
            "\"ramPerThread\":" + pick(random, "1.75", RAM),
        };
        if (random.nextInt(25) == 0) {
            String first = fields[0];
            fields[0] = fields[1];
            fields[1] = first;
        }
        StringBuilder process = new StringBuilder("{").append(String.join("," + space(random), fields));
        if (random.nextInt(6) != 0) {
            process.append(",\"args\":[");
            int args = random.nextInt(4);
            for (int a = 0; a < args; a++) {
                process.append(a > 0 ? "," : "").append(pick(random, "\"n00dles\"", ARG));
            }
            process.append("]");
        }
        if (random.nextInt(40) == 0) {
            process.append(",\"pid\":3");
        }
        return process.append(space(random)).append("}").toString();
    }

    private static String pick(SplittableRandom random, String usual, String... unusual) {
        return random.nextInt(12) == 0 ? unusual[random.nextInt(unusual.length)] : usual;
    }

    private static String space(SplittableRandom random) {
        return SPACE[random.nextInt(SPACE.length)];
    }
}

package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.Commands;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.ram.Ram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScanEndpointTest {

    private static RunningServer running;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
        client = running.client;
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    static String host(String name, String flags, String maxRam, String usedRam, String processes) {
        return "{\"hostname\":\"" + name + "\",\"maxRam\":" + maxRam + ",\"usedRam\":" + usedRam + ",\"cores\":1"
                + flags + ",\"processes\":[" + processes + "]}";
    }

    static String process(long pid, String args) {
        return "{\"pid\":" + pid + ",\"filename\":\"bitalloc/hack.js\",\"threads\":2,\"ramPerThread\":1.7,"
                + "\"args\":[" + args + "]}";
    }

    @Test
    void applies_a_scan_and_answers_the_effective_free_ram_per_host() {
        String body = "{\"session\":\"1732150000000\",\"hosts\":["
                + host("home", ",\"purchased\":true", "64", "5.4", process(1, "\"--allocId=x\",\"n00dles\",3,true"))
                + "," + host("pserv-0", ",\"purchased\":true", "1024", "0", "")
                + "," + host("hacknet-server-0", ",\"purchased\":true,\"hacknet\":true", "8", "0", "")
                + "," + host("n00dles", "", "4", "3.4", process(2, "")) + "]}";

        TestClient.Reply reply = client.post("/api/v1/scans", body);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("1091.20", reply.json().get("totalFree").decimalValue().toPlainString());
        assertEquals("58.60", reply.json().get("hosts").get(0).get("effectiveFree").decimalValue().toPlainString());
        Commands.Scan scan = (Commands.Scan) running.fake.recorded().get(running.fake.recorded().size() - 1);
        assertEquals(List.of(HostKind.HOME, HostKind.PURCHASED, HostKind.HACKNET, HostKind.NETWORK),
                scan.hosts().map(HostSnapshot::kind).asJava());
        assertEquals(List.of("--allocId=x", "n00dles", "3", "true"),
                scan.hosts().head().processes().get(0).args().asJava());
        assertEquals(Ram.ofHundredths(340), scan.hosts().head().processes().get(0).ram());
    }

    @Test
    void lists_every_problem_of_a_bad_scan_with_its_pointer() {
        int before = running.fake.calls();
        String body = "{\"session\":\"s\",\"hosts\":["
                + host("home", "", "8", "9", process(1, "") + "," + process(1, "{\"x\":1}"))
                + "," + host("home", "", "8", "0", "{\"pid\":0,\"filename\":\"a.js\",\"threads\":0,"
                + "\"ramPerThread\":1.234,\"user\":1}") + "]}";

        TestClient.Reply reply = client.post("/api/v1/scans", body);

        assertEquals(400, reply.status(), reply::toString);
        List<String> pointers = new ArrayList<>();
        reply.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertEquals(List.of("/hosts/0/usedRam", "/hosts/0/processes/1/args/0", "/hosts/1/processes/0/pid",
                "/hosts/1/processes/0/threads", "/hosts/1/processes/0/ramPerThread",
                "/hosts/1/processes/0/user"), pointers);
        assertEquals(before, running.fake.calls());
    }

    @Test
    void refuses_a_host_or_pid_reported_twice() {
        String body = "{\"session\":\"s\",\"hosts\":["
                + host("home", "", "8", "3.4", process(1, "")) + ","
                + host("home", "", "8", "3.4", process(1, "")) + "]}";

        TestClient.Reply reply = client.post("/api/v1/scans", body);

        assertEquals(400, reply.status(), reply::toString);
        List<String> pointers = new ArrayList<>();
        reply.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertEquals(List.of("/hosts/1/hostname", "/hosts/1/processes/0/pid"), pointers);
    }

    @Test
    void refuses_a_scan_without_session_or_hosts() {
        TestClient.Reply reply = client.post("/api/v1/scans", "{\"hosts\":{}}");

        assertEquals(400, reply.status(), reply::toString);
        assertEquals(2, reply.json().get("errors").size());
    }

    @Test
    void reads_process_values_exactly_whatever_their_shape_and_refuses_the_wrong_ones() {
        String good = "{\"session\":\"s\",\"hosts\":[" + host("home", "", "1024", "0",
                "{\"pid\":5,\"filename\":\"a.js\",\"threads\":3,\"ramPerThread\":2.5,\"args\":[1.5,false,\"x\"]},"
                + "{\"args\":null,\"ramPerThread\":1.500,\"threads\":1,\"filename\":\"b.js\",\"pid\":9007199254740991},"
                + "{\"pid\":7,\"filename\":\"c.js\",\"threads\":1,\"ramPerThread\":2}") + "]}";
        String bad = "{\"session\":\"s\",\"hosts\":[" + host("home", "", "64", "0",
                "{\"pid\":\"5\",\"filename\":\"/a.js\",\"threads\":1.5,\"ramPerThread\":-1.5,\"args\":[[1]]},"
                + "{\"pid\":null,\"filename\":\"a.js\",\"threads\":1,\"threads\":2,\"ramPerThread\":1e40}") + "]}";

        TestClient.Reply accepted = client.post("/api/v1/scans", good);
        Commands.Scan scan = (Commands.Scan) running.fake.recorded().get(running.fake.recorded().size() - 1);
        TestClient.Reply refused = client.post("/api/v1/scans", bad);

        assertEquals(200, accepted.status(), accepted::toString);
        var processes = scan.hosts().head().processes();
        assertEquals(List.of(Ram.ofHundredths(250), Ram.ofHundredths(150), Ram.ofGb(2)),
                processes.toList().map(p -> p.ramPerThread()).asJava());
        assertEquals(List.of("1.5", "false", "x"), processes.get(0).args().asJava());
        assertEquals(9007199254740991L, processes.get(1).pid().value());
        assertEquals(400, refused.status(), refused::toString);
        List<String> pointers = new ArrayList<>();
        refused.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertEquals(List.of("/hosts/0/processes/0/pid", "/hosts/0/processes/0/filename",
                "/hosts/0/processes/0/threads", "/hosts/0/processes/0/ramPerThread",
                "/hosts/0/processes/0/args/0", "/hosts/0/processes/1/pid", "/hosts/0/processes/1/ramPerThread",
                "/hosts/0/processes/1/threads"), pointers);
    }

    @Test
    void refuses_a_process_holding_more_ram_than_any_server_has() {
        int before = running.fake.calls();
        String body = "{\"session\":\"s\",\"hosts\":[" + host("home", "", "64", "0",
                "{\"pid\":5,\"filename\":\"a.js\",\"threads\":2147483647,\"ramPerThread\":1073741824,\"args\":[]},"
                + "{\"pid\":6,\"filename\":\"a.js\",\"threads\":1,\"ramPerThread\":1073741824}") + "]}";

        TestClient.Reply reply = client.post("/api/v1/scans", body);

        assertEquals(400, reply.status(), reply::toString);
        assertEquals(1, reply.json().get("errors").size(), reply::toString);
        assertEquals("/hosts/0/processes/0/ramPerThread", reply.json().get("errors").get(0).get("pointer").asText());
        assertEquals(before, running.fake.calls());
    }

    @Test
    void reads_the_player_and_the_targets_and_lists_their_problems() {
        String target = "{\"hostname\":\"n00dles\",\"security\":1.5,\"minSecurity\":1,\"money\":70000.25,"
                + "\"maxMoney\":1750000,\"requiredHackingLevel\":1,\"growth\":3000}";
        String good = "{\"session\":\"s\",\"hosts\":[],\"player\":{\"hackingLevel\":42},\"targets\":[" + target + "]}";
        String bad = "{\"session\":\"s\",\"hosts\":[],\"player\":{\"hackingLevel\":0},\"targets\":[" + target + ","
                + target.replace("1.5", "-1").replace("3000", "\"fast\"") + ",{\"hostname\":\"x\",\"odd\":1}]}";

        TestClient.Reply accepted = client.post("/api/v1/scans", good);
        Commands.Scan scan = (Commands.Scan) running.fake.recorded().get(running.fake.recorded().size() - 1);
        TestClient.Reply refused = client.post("/api/v1/scans", bad);

        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals(42, scan.player().get().hackingLevel());
        assertEquals("n00dles", scan.targets().single().name().value());
        assertEquals(70000.25, scan.targets().single().money().dollars());
        assertEquals(400, refused.status(), refused::toString);
        List<String> pointers = new ArrayList<>();
        refused.json().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertTrue(pointers.containsAll(List.of("/player/hackingLevel", "/targets/1/security", "/targets/1/growth",
                "/targets/2/security", "/targets/2/odd")), pointers::toString);
    }
}

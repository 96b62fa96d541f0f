package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;
import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.api.AgentSessionKey;
import bitalloc.adapters.http.api.Commands.Scan;
import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.adapters.http.json.Checked;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The scan body: every rooted host with its RAM and process table, as the agent read them in one poll. */
public final class ScanRequests {

    /** The game has about 100 servers plus 25 purchased and some hacknet servers. */
    public static final int MAX_HOSTS = 1_000;
    public static final int MAX_PROCESSES_PER_HOST = 1_000_000;
    public static final int MAX_ARGS = 1_000;
    public static final int MAX_ARG_LENGTH = 4_096;
    public static final int MAX_CORES = 1_024;
    private static final int MAX_SESSION_LENGTH = 200;
    private static final HostName HOME = HostName.of("home");

    private ScanRequests() {
    }

    /** {session, hosts [{hostname, maxRam, usedRam, cores, purchased, hacknet, processes [...]}]} */
    public static Validation<Seq<FieldProblem>, Scan> scan(JsonNode body) {
        return JsonObjectReader.of(body, "", Set.of("session", "hosts"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("session", (v, at) -> JsonValues.text(v, at, MAX_SESSION_LENGTH)
                                .map(AgentSessionKey::new)),
                        o.array("hosts", MAX_HOSTS, ScanRequests::host)).ap(Scan::new)), o.unknownFields()))
                .flatMap(ScanRequests::eachHostAndPidOnce);
    }

    private static Validation<Seq<FieldProblem>, HostSnapshot> host(JsonNode value, String at) {
        return JsonObjectReader.of(value, at, Set.of("hostname", "maxRam", "usedRam", "cores", "purchased", "hacknet",
                        "processes"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("hostname", JsonValues::hostName),
                        ram(o),
                        o.required("cores", (v, p) -> JsonValues.whole(v, p, 1, MAX_CORES).map(Long::intValue)),
                        o.optional("purchased", JsonValues::bool, false),
                        o.optional("hacknet", JsonValues::bool, false),
                        o.array("processes", MAX_PROCESSES_PER_HOST, ScanRequests::process))
                        .ap((name, ram, cores, purchased, hacknet, processes) -> new HostSnapshot(
                                name, kind(name, purchased, hacknet), cores, ram._1, ram._2, processes))),
                        o.unknownFields()));
    }

    /** Max and used RAM, checked together: the game never reports more used than there is. */
    private static Validation<Seq<FieldProblem>, Tuple2<Ram, Ram>> ram(JsonObjectReader o) {
        return Checked.both(
                        o.required("maxRam", (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED)),
                        o.required("usedRam", (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED)),
                        Tuple::of)
                .flatMap(ram -> ram._2.isGreaterThan(ram._1)
                        ? invalid(o.pointer("usedRam"), "must not exceed maxRam (" + ram._1.toGbString() + ")")
                        : valid(ram));
    }

    /**
     * The game marks home and hacknet servers as purchased too, so the name "home" (which the player cannot change)
     * and the hacknet flag decide first.
     */
    private static HostKind kind(HostName name, boolean purchased, boolean hacknet) {
        if (name.equals(HOME)) {
            return HostKind.HOME;
        }
        if (hacknet) {
            return HostKind.HACKNET;
        }
        return purchased ? HostKind.PURCHASED : HostKind.NETWORK;
    }

    /** {pid, filename, threads, ramPerThread, args} */
    private static Validation<Seq<FieldProblem>, ProcessSnapshot> process(JsonNode value, String at) {
        return JsonObjectReader.of(value, at, Set.of("pid", "filename", "threads", "ramPerThread", "args"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("pid", JsonValues::pid),
                        o.required("filename", JsonValues::scriptPath).map(ScriptPath::value),
                        o.required("threads", (v, p) -> JsonValues.count(v, p, 1)),
                        o.required("ramPerThread", (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED)),
                        o.optional("args", ScanRequests::args, List.empty())).ap(ScanRequests::snapshot)),
                        o.unknownFields()));
    }

    private static ProcessSnapshot snapshot(Pid pid, String script, int threads, Ram ramPerThread, List<String> args) {
        return new ProcessSnapshot(pid, script, threads, ramPerThread, args);
    }

    /** The game's script arguments are strings, numbers or booleans; the allocator reads them as text. */
    private static Validation<Seq<FieldProblem>, List<String>> args(JsonNode value, String at) {
        return JsonObjectReader.elements(value, at, MAX_ARGS, (arg, p) -> {
            if (arg.isTextual() || arg.isNumber() || arg.isBoolean()) {
                String text = arg.asText();
                return text.length() > MAX_ARG_LENGTH
                        ? invalid(p, "must be at most " + MAX_ARG_LENGTH + " characters long")
                        : valid(text);
            }
            return invalid(p, "must be a string, number or boolean, got " + JsonValues.kind(arg));
        });
    }

    /** Pids are unique across all hosts within a session; a repeat means the agent's view is corrupt. */
    private static Validation<Seq<FieldProblem>, Scan> eachHostAndPidOnce(Scan scan) {
        java.util.List<FieldProblem> problems = new ArrayList<>();
        Set<HostName> hosts = new HashSet<>();
        Map<Pid, String> pids = new HashMap<>();
        int hostIndex = 0;
        for (HostSnapshot host : scan.hosts()) {
            if (!hosts.add(host.host())) {
                problems.add(new FieldProblem("/hosts/" + hostIndex + "/hostname", "repeats host " + host.host()));
            }
            int processIndex = 0;
            for (ProcessSnapshot process : host.processes()) {
                String here = "/hosts/" + hostIndex + "/processes/" + processIndex;
                String earlier = pids.putIfAbsent(process.pid(), here);
                if (earlier != null) {
                    problems.add(new FieldProblem(here + "/pid", "repeats pid " + process.pid() + " of " + earlier));
                }
                processIndex++;
            }
            hostIndex++;
        }
        return problems.isEmpty() ? valid(scan) : Validation.invalid(List.ofAll(problems));
    }
}

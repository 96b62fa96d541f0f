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
import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.StreamedObject;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import bitalloc.domain.game.Player;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
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

    /**
     * The scan in {@code body}, or (left) why the body is not JSON. A body of the shape the agent writes is read by
     * {@link AgentScanReader}; any other, and every body with a problem, by {@link #scan}, which lists the problems.
     */
    public static Either<String, Validation<Seq<FieldProblem>, Scan>> read(byte[] body, JsonCodec json) {
        Option<Scan> usual = AgentScanReader.read(body, json);
        return usual.isDefined() ? Either.right(valid(usual.get())) : json.stream(body, ScanRequests::scan);
    }

    /**
     * {session, hosts [{hostname, maxRam, usedRam, cores, purchased, hacknet, processes [...]}], player?, targets?},
     * read from the parser as it streams (a scan of 10^5 processes is about 15 MB). {@code player} and
     * {@code targets} are small and described in {@link TargetRequests}. The parser is on the body's first token.
     */
    public static Validation<Seq<FieldProblem>, Scan> scan(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return invalid(Where.BODY, "must be a JSON object, got " + JsonValues.kind(StreamedObject.value(parser)));
        }
        StreamedObject scan = scanFields();
        Validation<Seq<FieldProblem>, List<HostSnapshot>> hosts = invalid(Where.BODY.field("hosts"), "is required");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("hosts")) {
                RepeatedTexts texts = new RepeatedTexts();
                hosts = StreamedObject.array(parser, Where.BODY.field("hosts"), MAX_HOSTS,
                        (hostParser, at) -> host(hostParser, at, texts));
            } else {
                scan.read(field, parser);
            }
        }
        return checkedScan(scan, hosts);
    }

    /** The scan's own fields (read into {@code scan}) checked together with its hosts. */
    static Validation<Seq<FieldProblem>, Scan> checkedScan(StreamedObject scan,
                                                          Validation<Seq<FieldProblem>, List<HostSnapshot>> hosts) {
        return alsoReporting(flat(Validation.combine(
                scan.required("session", (v, at) -> JsonValues.text(v, at, MAX_SESSION_LENGTH)
                        .map(AgentSessionKey::new)),
                hosts,
                scan.optional("player", TargetRequests::player, Option.<Player>none()),
                scan.optional("targets", TargetRequests::targets, List.empty())).ap(Scan::new)),
                scan.fieldProblems())
                .flatMap(ScanRequests::eachHostAndPidOnce);
    }

    /** The scan's scalar fields, kept for {@link #checkedScan}. */
    static StreamedObject scanFields() {
        return new StreamedObject(Where.BODY, "session", "player", "targets");
    }

    /** A host's scalar fields, kept for {@link #checkedHost}. */
    static StreamedObject hostFields(Where at) {
        return new StreamedObject(at, "hostname", "maxRam", "usedRam", "cores", "purchased", "hacknet");
    }

    private static Validation<Seq<FieldProblem>, HostSnapshot> host(JsonParser parser, Where at, RepeatedTexts texts)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return invalid(at, "must be a JSON object, got " + JsonValues.kind(StreamedObject.value(parser)));
        }
        StreamedObject host = hostFields(at);
        Validation<Seq<FieldProblem>, ProcessSnapshots> processes = invalid(at.field("processes"), "is required");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("processes")) {
                processes = ProcessTableReader.read(parser, at.field("processes"), texts);
            } else {
                host.read(field, parser);
            }
        }
        return checkedHost(host, processes);
    }

    /** A host's fields (read into {@code host}) checked together with its process table. */
    static Validation<Seq<FieldProblem>, HostSnapshot> checkedHost(
            StreamedObject host, Validation<Seq<FieldProblem>, ProcessSnapshots> processes) {
        return alsoReporting(flat(Validation.combine(
                host.required("hostname", JsonValues::hostName),
                ram(host),
                host.required("cores", (v, p) -> JsonValues.whole(v, p, 1, MAX_CORES).map(Long::intValue)),
                host.optional("purchased", JsonValues::bool, false),
                host.optional("hacknet", JsonValues::bool, false),
                processes)
                .ap((name, ram, cores, purchased, hacknet, table) -> new HostSnapshot(
                        name, kind(name, purchased, hacknet), cores, ram._1, ram._2, table))),
                host.fieldProblems());
    }

    /** Max and used RAM, checked together: the game never reports more used than there is. */
    private static Validation<Seq<FieldProblem>, Tuple2<Ram, Ram>> ram(StreamedObject host) {
        return Checked.both(
                        host.required("maxRam", (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED)),
                        host.required("usedRam", (v, p) -> JsonValues.ram(v, p, ZeroRam.ALLOWED)),
                        Tuple::of)
                .flatMap(ram -> ram._2.isGreaterThan(ram._1)
                        ? invalid(host.where().field("usedRam"), "must not exceed maxRam (" + ram._1.toGbString()
                        + ")")
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

    /** The common case checked cheaply: sorted pids and host names, no neighbours equal. */
    private static boolean noRepeats(Scan scan) {
        long[] pids = new long[scan.hosts().map(host -> host.processes().size()).sum().intValue()];
        String[] names = new String[scan.hosts().size()];
        int count = 0;
        int hostCount = 0;
        for (HostSnapshot host : scan.hosts()) {
            names[hostCount++] = host.host().value();
            ProcessSnapshots processes = host.processes();
            for (int row = 0; row < processes.size(); row++) {
                pids[count++] = processes.pidValue(row);
            }
        }
        java.util.Arrays.sort(pids);
        java.util.Arrays.sort(names);
        for (int i = 1; i < pids.length; i++) {
            if (pids[i] == pids[i - 1]) {
                return false;
            }
        }
        for (int i = 1; i < names.length; i++) {
            if (names[i].equals(names[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Pids are unique across all hosts within a session; a repeat means the agent's view is corrupt. */
    private static Validation<Seq<FieldProblem>, Scan> eachHostAndPidOnce(Scan scan) {
        if (noRepeats(scan)) {
            return valid(scan);
        }
        java.util.List<FieldProblem> problems = new ArrayList<>();
        Set<HostName> hosts = new HashSet<>();
        Map<Long, Integer> hostOfPid = new HashMap<>();
        int hostIndex = 0;
        for (HostSnapshot host : scan.hosts()) {
            Where here = Where.BODY.field("hosts").item(hostIndex);
            if (!hosts.add(host.host())) {
                problems.add(new FieldProblem(here.field("hostname").toString(), "repeats host " + host.host()));
            }
            ProcessSnapshots processes = host.processes();
            for (int row = 0; row < processes.size(); row++) {
                Integer earlier = hostOfPid.putIfAbsent(processes.pidValue(row), hostIndex);
                if (earlier != null) {
                    problems.add(new FieldProblem(here.field("processes").item(row).field("pid").toString(),
                            "repeats pid " + processes.pidValue(row) + " seen on host " + earlier));
                }
            }
            hostIndex++;
        }
        return problems.isEmpty() ? valid(scan) : Validation.invalid(List.ofAll(problems));
    }
}

package bitalloc.adapters.http.requests;

import bitalloc.adapters.http.api.Commands.Scan;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonCodec;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.StreamedObject;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.requests.PlainJsonCursor.NotPlain;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.core.JsonParser;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Reads a valid scan of the shape the agent writes in one pass over its bytes. A JSON parser spends most of a
 * 10^5-process scan (15 MB) tokenizing process tables whose every field has the same plain form, so those are read
 * here byte by byte; every other value (the few fields of the scan and its hosts) is cut out and given to the
 * streaming checks of {@link ScanRequests}, the same code that reads every other body. Anything unusual (another
 * field order, an escape, a number of another form, any problem at all) gives none, and the body is then read by
 * {@link ScanRequests#scan}, which lists every problem: this reader only ever answers what that one would.
 */
final class AgentScanReader {

    private static final byte[] HOSTS = ascii("hosts");
    private static final byte[] PROCESSES = ascii("processes");
    private static final byte[] PID = ascii("pid");
    private static final byte[] FILENAME = ascii("filename");
    private static final byte[] THREADS = ascii("threads");
    private static final byte[] RAM_PER_THREAD = ascii("ramPerThread");
    private static final byte[] ARGS = ascii("args");
    private static final long MAX_RAM_GB = 1L << 30;
    private static final int FIRST_TABLE_ROWS = 256;
    /** The agent's usual arguments ({@code --allocId=<uuid>}, a target, a number) are about 60 characters. */
    private static final int FIRST_TABLE_ARG_CHARS = FIRST_TABLE_ROWS * 64;
    /** {"pid":1,"filename":"a","threads":1,"ramPerThread":1}: no process of the agent's form takes fewer bytes. */
    private static final int LEAST_PROCESS_BYTES = 53;

    private final PlainJsonCursor cursor;
    private final JsonCodec json;
    private final RepeatedTexts texts = new RepeatedTexts();
    /**
     * One builder for every host of the scan: it grows until it fits the largest table, and each host's table is
     * then one exactly sized copy of it, instead of columns grown by doubling and copied to size once more.
     */
    private final ProcessSnapshots.Builder table;
    /** Most processes of a host run a few scripts of the same RAM per thread: one amount is kept, not one per row. */
    private Ram lastRamPerThread = Ram.ZERO;

    private AgentScanReader(byte[] body, JsonCodec json) {
        this.cursor = new PlainJsonCursor(body);
        this.json = json;
        // A small body (most polls of a small botnet) cannot hold a large table: the first guess is bounded by it.
        this.table = ProcessSnapshots.builder(Math.min(FIRST_TABLE_ROWS, body.length / LEAST_PROCESS_BYTES),
                Math.min(FIRST_TABLE_ARG_CHARS, body.length));
    }

    /** The scan when the body is of the usual shape and valid; none means: read it with {@link ScanRequests#scan}. */
    static Option<Scan> read(byte[] body, JsonCodec json) {
        try {
            return new AgentScanReader(body, json).scan();
        } catch (NotPlain | IOException unusual) {
            // A value the full reader parses differently or reports on: it gets the whole body.
            return Option.none();
        }
    }

    private Option<Scan> scan() throws IOException {
        StreamedObject scan = ScanRequests.scanFields();
        List<HostSnapshot> hosts = objectWith(HOSTS, scan, this::hosts);
        cursor.expectEnd();
        if (hosts == null) {
            return Option.none();
        }
        Validation<Seq<FieldProblem>, Scan> checked = ScanRequests.checkedScan(scan, Validation.valid(hosts));
        return checked.isValid() ? Option.some(checked.get()) : Option.none();
    }

    /**
     * Reads an object whose key {@code nestedKey} holds what {@code nested} reads and whose other keys are scalars
     * for {@code scalars}; null when the key is absent. A repeated key is left to the full reader, which reports it.
     */
    private <T> T objectWith(byte[] nestedKey, StreamedObject scalars, NestedReader<T> nested) throws IOException {
        cursor.expect('{');
        T found = null;
        if (!cursor.take('}')) {
            do {
                cursor.anyKey();
                if (cursor.textIs(nestedKey)) {
                    if (found != null) {
                        throw PlainJsonCursor.notPlain();
                    }
                    found = nested.read();
                } else {
                    readScalar(scalars);
                }
            } while (cursor.take(','));
            cursor.expect('}');
        }
        return found;
    }

    @FunctionalInterface
    private interface NestedReader<T> {
        T read() throws IOException;
    }

    private List<HostSnapshot> hosts() throws IOException {
        cursor.expect('[');
        java.util.List<HostSnapshot> hosts = new ArrayList<>();
        if (!cursor.take(']')) {
            do {
                if (hosts.size() == ScanRequests.MAX_HOSTS) {
                    throw PlainJsonCursor.notPlain();
                }
                hosts.add(host(Where.BODY.field("hosts").item(hosts.size())));
            } while (cursor.take(','));
            cursor.expect(']');
        }
        return List.ofAll(hosts);
    }

    private HostSnapshot host(Where at) throws IOException {
        StreamedObject host = ScanRequests.hostFields(at);
        ProcessSnapshots processes = objectWith(PROCESSES, host, this::processes);
        if (processes == null) {
            throw PlainJsonCursor.notPlain();
        }
        Validation<Seq<FieldProblem>, HostSnapshot> checked = ScanRequests.checkedHost(host,
                Validation.valid(processes));
        if (checked.isInvalid()) {
            throw PlainJsonCursor.notPlain();
        }
        return checked.get();
    }

    /** The value of the key just read, given to the object's own reader as the full parser sees it. */
    private void readScalar(StreamedObject object) throws IOException {
        String field = new String(cursor.bytes(), cursor.textStart(), cursor.textLength(), StandardCharsets.US_ASCII);
        cursor.peek();
        int start = cursor.position();
        cursor.skipValue();
        try (JsonParser parser = json.parser(cursor.bytes(), start, cursor.position() - start)) {
            parser.nextToken();
            object.read(field, parser);
            if (parser.nextToken() != null) {
                throw PlainJsonCursor.notPlain();
            }
        }
    }

    /** [{pid, filename, threads, ramPerThread, args?}, ...] with those keys in that order and plain values. */
    private ProcessSnapshots processes() {
        cursor.expect('[');
        table.clear();
        if (!cursor.take(']')) {
            do {
                if (table.size() == ScanRequests.MAX_PROCESSES_PER_HOST) {
                    throw PlainJsonCursor.notPlain();
                }
                process();
            } while (cursor.take(','));
            cursor.expect(']');
        }
        return table.build();
    }

    private void process() {
        cursor.expect('{');
        expectKey(PID);
        long pid = cursor.whole(16);
        if (pid < 1 || pid > JsonValues.MAX_SAFE_INTEGER) {
            throw PlainJsonCursor.notPlain();
        }
        cursor.expect(',');
        expectKey(FILENAME);
        cursor.string();
        String filename = texts.ofAscii(cursor.bytes(), cursor.textStart(), cursor.textLength());
        if (filename.isBlank() || filename.length() > JsonValues.MAX_PATH_LENGTH || filename.startsWith("/")) {
            throw PlainJsonCursor.notPlain();
        }
        cursor.expect(',');
        expectKey(THREADS);
        long threads = cursor.whole(10);
        if (threads < 1 || threads > Integer.MAX_VALUE) {
            throw PlainJsonCursor.notPlain();
        }
        cursor.expect(',');
        expectKey(RAM_PER_THREAD);
        long ramPerThread = cursor.hundredths(10);
        if (ramPerThread > MAX_RAM_GB * 100 || ramPerThread > JsonValues.MAX_RAM.hundredths() / threads) {
            throw PlainJsonCursor.notPlain();
        }
        table.discardPendingArgs();
        if (cursor.take(',')) {
            expectKey(ARGS);
            args();
        }
        cursor.expect('}');
        if (lastRamPerThread.hundredths() != ramPerThread) {
            lastRamPerThread = Ram.ofHundredths(ramPerThread);
        }
        table.add(Pid.of(pid), filename, (int) threads, lastRamPerThread);
    }

    /** Strings and integers as written, true and false as words: the game's script arguments. */
    private void args() {
        cursor.expect('[');
        if (cursor.take(']')) {
            return;
        }
        int count = 0;
        do {
            if (count++ == ScanRequests.MAX_ARGS) {
                throw PlainJsonCursor.notPlain();
            }
            byte first = cursor.peek();
            if (first == '"') {
                cursor.string();
            } else if (first == '-' || (first >= '0' && first <= '9')) {
                cursor.integerText(18);
            } else {
                word();
                continue;
            }
            if (cursor.textLength() > ScanRequests.MAX_ARG_LENGTH) {
                throw PlainJsonCursor.notPlain();
            }
            table.asciiArg(cursor.bytes(), cursor.textStart(), cursor.textLength());
        } while (cursor.take(','));
        cursor.expect(']');
    }

    private void word() {
        byte first = cursor.peek();
        int start = cursor.position();
        cursor.skipValue();
        int length = cursor.position() - start;
        if ((first == 't' && length == 4 && same(start, "true"))
                || (first == 'f' && length == 5 && same(start, "false"))) {
            table.asciiArg(cursor.bytes(), start, length);
        } else {
            throw PlainJsonCursor.notPlain();
        }
    }

    private boolean same(int start, String word) {
        byte[] bytes = cursor.bytes();
        for (int i = 0; i < word.length(); i++) {
            if (bytes[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expectKey(byte[] name) {
        if (!cursor.key(name)) {
            throw PlainJsonCursor.notPlain();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

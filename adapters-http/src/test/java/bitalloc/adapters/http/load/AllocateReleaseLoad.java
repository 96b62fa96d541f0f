package bitalloc.adapters.http.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Allocate then release, in a closed loop on each of a few keep-alive HTTP/1.1 connections, all driven by one
 * thread with a selector. Requests are pre-built bytes (a release only copies the allocation id into its slot) and
 * answers are read without building strings, so the load generator takes as little of the two shared cores as it
 * can. A latency runs from the request's write to the moment its whole answer has been read: time an answer waits
 * for this thread counts against the server, never for it.
 */
final class AllocateReleaseLoad {

    private static final byte[] HEADER_END = ascii("\r\n\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] ALLOCATION_ID = ascii("\"allocationId\":\"");
    private static final String RELEASE_PATH = "/api/v1/allocations/";
    private static final int ID_LENGTH = 36;

    private final byte[] allocate;
    private final byte[] releaseTemplate;
    private final int idOffset;

    AllocateReleaseLoad(String token, byte[] allocateBody) {
        String authorization = "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n";
        byte[] head = ascii("POST /api/v1/allocations HTTP/1.1\r\n" + authorization
                + "Content-Type: application/json\r\nContent-Length: " + allocateBody.length + "\r\n\r\n");
        this.allocate = Arrays.copyOf(head, head.length + allocateBody.length);
        System.arraycopy(allocateBody, 0, allocate, head.length, allocateBody.length);
        this.releaseTemplate = ascii("DELETE " + RELEASE_PATH + "0".repeat(ID_LENGTH) + " HTTP/1.1\r\n"
                + authorization + "\r\n");
        this.idOffset = "DELETE ".length() + RELEASE_PATH.length();
    }

    /** What one run measured: every latency in nanoseconds (sorted), the wall time, and the failed answers. */
    record Result(long[] latencies, long nanos, long errors) {

        double perSecond() {
            return latencies.length / (nanos / 1e9);
        }

        double percentileMillis(double p) {
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    Result run(int port, int connections, long nanos) throws IOException {
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    open.add(new Connection(port, selector, releaseTemplate.clone()));
                }
                return drive(selector, open, nanos);
            } finally {
                for (Connection connection : open) {
                    connection.channel.close();
                }
            }
        }
    }

    private Result drive(Selector selector, List<Connection> connections, long nanos) throws IOException {
        Latencies latencies = new Latencies();
        long errors = 0;
        long started = System.nanoTime();
        long deadline = started + nanos;
        for (Connection connection : connections) {
            connection.send(ByteBuffer.wrap(allocate), false);
        }
        int busy = connections.size();
        while (busy > 0) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                if (key.isWritable()) {
                    connection.flush();
                }
                if (!key.isReadable() || !connection.readAnswer()) {
                    continue;
                }
                long now = System.nanoTime();
                latencies.add(now - connection.sentAt);
                boolean granted = !connection.releasing && connection.status == 201 && connection.copyAllocationId();
                boolean ok = connection.releasing ? connection.status == 200 : granted;
                if (!ok) {
                    errors++;
                }
                connection.consumeAnswer();
                if (now >= deadline && !granted) {
                    key.cancel();
                    busy--;
                } else if (granted) {
                    connection.send(ByteBuffer.wrap(connection.release), true);
                } else {
                    connection.send(ByteBuffer.wrap(allocate), false);
                }
            }
            selector.selectedKeys().clear();
        }
        return new Result(latencies.sorted(), System.nanoTime() - started, errors);
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection {

        final SocketChannel channel;
        final SelectionKey key;
        final byte[] release;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        boolean releasing;
        long sentAt;
        int status;
        int answerLength;
        int bodyStart;

        Connection(int port, Selector selector, byte[] release) throws IOException {
            this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            this.key = channel.register(selector, SelectionKey.OP_READ, this);
            this.release = release;
        }

        void send(ByteBuffer request, boolean isRelease) throws IOException {
            releasing = isRelease;
            out = request;
            sentAt = System.nanoTime();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived; true once the whole answer (head and Content-Length bytes of body) is in. */
        boolean readAnswer() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection");
            }
            int headEnd = indexOf(in.array(), 0, in.position(), HEADER_END, false);
            if (headEnd < 0) {
                return false;
            }
            byte[] bytes = in.array();
            status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
            bodyStart = headEnd + HEADER_END.length;
            int lengthAt = indexOf(bytes, 0, headEnd, CONTENT_LENGTH, true);
            int length = lengthAt < 0 ? 0 : parseDigits(bytes, lengthAt + CONTENT_LENGTH.length);
            answerLength = bodyStart + length;
            return in.position() >= answerLength;
        }

        /** Copies the granted allocation's id into this connection's release request. */
        boolean copyAllocationId() {
            int at = indexOf(in.array(), bodyStart, answerLength, ALLOCATION_ID, false);
            if (at < 0 || at + ALLOCATION_ID.length + ID_LENGTH > answerLength) {
                return false;
            }
            System.arraycopy(in.array(), at + ALLOCATION_ID.length, release, idOffset, ID_LENGTH);
            return true;
        }

        void consumeAnswer() {
            in.flip().position(answerLength);
            in.compact();
        }
    }

    /** Latencies in a growing array, so recording one costs no allocation. */
    private static final class Latencies {
        private long[] values = new long[1 << 20];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(values, size);
            Arrays.sort(result);
            return result;
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] wanted, boolean ignoreCase) {
        outer:
        for (int i = from; i <= to - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                byte b = bytes[i + j];
                if (ignoreCase && b >= 'A' && b <= 'Z') {
                    b = (byte) (b + ('a' - 'A'));
                }
                if (b != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int parseDigits(byte[] bytes, int from) {
        int i = from;
        while (bytes[i] == ' ') {
            i++;
        }
        int value = 0;
        for (; bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

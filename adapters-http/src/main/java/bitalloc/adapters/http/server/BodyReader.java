package bitalloc.adapters.http.server;

import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body into bytes without ever blocking: it takes the chunks that have arrived and asks Jetty to
 * call back when more come. A small body usually came with the headers, and then the answer is complete before
 * {@link #read} returns, on the thread that read the request.
 */
final class BodyReader implements Runnable {

    private static final int UNKNOWN_LENGTH_START = 4 * 1024;

    private final Request request;
    private final int limit;
    private final Problems problems;
    private final CompletableFuture<Either<Reply, byte[]>> result = new CompletableFuture<>();
    private byte[] bytes;
    private int size;

    private BodyReader(Request request, int limit, Problems problems, int expected) {
        this.request = request;
        this.limit = limit;
        this.problems = problems;
        this.bytes = new byte[expected];
    }

    /** The body, or the problem answer when it is larger than {@code limit} bytes or cannot be read. */
    static CompletableFuture<Either<Reply, byte[]>> read(Request request, int limit, Problems problems) {
        long declared = request.getLength();
        int expected = declared >= 0 ? (int) Math.min(declared, limit) : Math.min(UNKNOWN_LENGTH_START, limit);
        BodyReader reader = new BodyReader(request, limit, problems, expected);
        reader.run();
        return reader.result;
    }

    /** Takes every chunk available now; when none is, asks to be run again once one arrives. */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.complete(Either.left(problems.malformedJson("the body could not be read: "
                        + chunk.getFailure().getMessage())));
                return;
            }
            boolean last = chunk.isLast();
            boolean fits = append(chunk.getByteBuffer());
            chunk.release();
            if (!fits) {
                result.complete(Either.left(problems.payloadTooLarge(limit)));
                return;
            }
            if (last) {
                result.complete(Either.right(size == bytes.length ? bytes : Arrays.copyOf(bytes, size)));
                return;
            }
        }
    }

    private boolean append(ByteBuffer buffer) {
        int length = buffer.remaining();
        if (length > limit - size) {
            return false;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, 2L * bytes.length)));
        }
        buffer.get(bytes, size, length);
        size += length;
        return true;
    }
}

package bitalloc.adapters.http.server;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request body as a blocking stream, for a reader that parses the bytes as they arrive: a 10^5-process scan is
 * about 15 MB, and parsing it while it arrives overlaps the two and never allocates a 15 MB array (which the
 * collector handles as a humongous object, with a collection of its own). Blocks, so only a worker may read it.
 * Past the limit, or when the connection fails, reading throws; the answer is then the problem {@link #problem} gives.
 */
final class StreamedBody extends InputStream {

    private final InputStream source;
    private final int limit;
    private long size;
    private boolean tooLarge;
    private IOException failure;

    StreamedBody(Request request, int limit) {
        this.source = Content.Source.asInputStream(request);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (tooLarge) {
            throw new IOException("the body is larger than " + limit + " bytes");
        }
        int count;
        try {
            count = source.read(into, offset, length);
        } catch (IOException broken) {
            failure = broken;
            throw broken;
        }
        if (count > 0) {
            size += count;
            if (size > limit) {
                tooLarge = true;
                throw new IOException("the body is larger than " + limit + " bytes");
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** The answer when the body could not be read whole: it was too large, or the connection failed. */
    Option<Reply> problem(Problems problems) {
        if (tooLarge) {
            return Option.some(problems.payloadTooLarge(limit));
        }
        if (failure != null) {
            return Option.some(problems.malformedJson("the body could not be read: " + failure.getMessage()));
        }
        return Option.none();
    }
}

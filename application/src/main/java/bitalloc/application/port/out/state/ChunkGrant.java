package bitalloc.application.port.out.state;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/** RAM granted on one host: {@code chunks} chunks of {@code chunkSize} each. */
public record ChunkGrant(HostName host, Ram chunkSize, int chunks) {
    public ChunkGrant {
        if (host == null || chunkSize == null) {
            throw new IllegalArgumentException("a grant names its host and chunk size");
        }
        if (chunkSize.isZero() || chunks <= 0) {
            throw new IllegalArgumentException("a grant holds at least one non-empty chunk: " + chunks + " x " + chunkSize);
        }
    }

    public Ram ram() {
        return chunkSize.times(chunks);
    }
}

package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/** {@code chunks} chunks of {@code chunkSize} on one host; an allocation holds at most one grant per host. */
public record Grant(HostName host, Ram chunkSize, int chunks) {
    public Grant {
        if (chunks < 1) {
            throw new IllegalArgumentException("a grant holds at least one chunk: " + chunks);
        }
    }

    public Ram ram() {
        return chunkSize.times(chunks);
    }
}

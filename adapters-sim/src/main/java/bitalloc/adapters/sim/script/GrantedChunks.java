package bitalloc.adapters.sim.script;

import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;

/** Part of a grant: {@code chunks} chunks of {@code chunkSize} on {@code host}. */
public record GrantedChunks(HostName host, Ram chunkSize, long chunks) {
    public GrantedChunks {
        if (chunks <= 0) {
            throw new IllegalArgumentException("a grant part holds at least one chunk");
        }
    }
}

package bitalloc.domain.allocation;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import java.time.Instant;

/** A process stating "I run inside this allocation on {@code host}, using {@code chunks} chunks" (DESIGN A3). */
public record Claim(HostName host, Pid pid, int chunks, GameSession session, Instant claimedAt) {
    public Claim {
        if (chunks < 1) {
            throw new IllegalArgumentException("a claim covers at least one chunk: " + chunks);
        }
    }
}

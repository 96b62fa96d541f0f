package bitalloc.domain.process;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** One running process as a scan of its host saw it. */
public record ProcessSnapshot(Pid pid, String script, int threads, Ram ramPerThread, List<String> args) {
    public ProcessSnapshot {
        requireValid(script, threads);
    }

    /** RAM the process holds: per-thread RAM times threads, as the game books it. */
    public Ram ram() {
        return ramPerThread.times(threads);
    }

    static void requireValid(String script, int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("script must not be blank");
        }
    }
}

package bitalloc.boot;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running script that asks bitalloc for RAM and runs helpers in it (a task script, or a player's script through
 * launch.js): its pid and host, the target its helpers work on, and the allocations it holds with their claimed
 * helpers. One caller at a time works on it ({@link #busy}).
 */
final class ScriptRequester {

    /** An allocation this script holds, with the helpers it started in it and claimed. */
    static final class Held {
        final AllocationId id;
        final String tag;
        final Map<Pid, HostName> helpers = new LinkedHashMap<>();

        Held(AllocationId id, String tag) {
            this.id = id;
            this.tag = tag;
        }
    }

    final Pid pid;
    final HostName host;
    final HostName helperTarget;
    final ReentrantLock busy = new ReentrantLock();
    final List<Held> held = new ArrayList<>();

    ScriptRequester(Pid pid, HostName host, HostName helperTarget) {
        this.pid = pid;
        this.host = host;
        this.helperTarget = helperTarget;
    }
}

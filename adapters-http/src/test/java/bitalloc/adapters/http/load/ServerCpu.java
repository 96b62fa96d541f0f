package bitalloc.adapters.http.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user and system) another process on this Linux machine has used so far, read from
 * /proc/&lt;pid&gt;/stat, so the benchmark can say what a request costs the server and not only the client.
 */
final class ServerCpu {

    /** Linux reports utime and stime in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int UTIME_FIELD = 14;

    private final Path stat;

    private ServerCpu(Path stat) {
        this.stat = stat;
    }

    /** For the given pid; null (property unset) gives an unknown CPU. */
    static ServerCpu of(Integer pid) {
        return new ServerCpu(pid == null ? null : Path.of("/proc", pid.toString(), "stat"));
    }

    boolean known() {
        return stat != null;
    }

    long nanos() {
        if (stat == null) {
            return 0;
        }
        try {
            String line = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            int utimeIndex = UTIME_FIELD - 3;
            return (Long.parseLong(fields[utimeIndex]) + Long.parseLong(fields[utimeIndex + 1])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's CPU time from " + stat, e);
        }
    }
}

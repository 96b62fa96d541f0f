package bitalloc.application.service;

import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshots;
import bitalloc.domain.selection.Lifecycle;
import bitalloc.domain.selection.SelectorConfig;
import bitalloc.domain.selection.TaskScripts;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Finds task scripts in a scan by file name, and their target from the {@code --target=} argument. */
@Singleton
public final class TaskProcesses {

    private static final String TARGET_ARG = "--target=";
    private final Map<String, Lifecycle> lifecycleByScript = new HashMap<>();

    @Inject
    public TaskProcesses(SelectorConfig config) {
        TaskScripts scripts = config.taskScripts();
        for (Lifecycle lifecycle : Lifecycle.values()) {
            lifecycleByScript.put(scripts.forLifecycle(lifecycle).file(), lifecycle);
        }
    }

    /** Reads the script column of every host and looks at the arguments of task scripts only. */
    List<Seen> in(NetworkScan scan) {
        java.util.List<Seen> seen = new java.util.ArrayList<>();
        for (HostSnapshot host : scan.hosts()) {
            ProcessSnapshots processes = host.processes();
            for (int row = 0; row < processes.size(); row++) {
                String script = processes.script(row);
                Lifecycle lifecycle = lifecycleByScript.get(script);
                if (lifecycle != null) {
                    Pid pid = processes.pid(row);
                    target(processes, row).forEach(target ->
                            seen.add(new Seen(pid, script, host.host(), target, lifecycle)));
                }
            }
        }
        return List.ofAll(seen);
    }

    private static Option<HostName> target(ProcessSnapshots processes, int row) {
        for (int position = 0; position < processes.argCount(row); position++) {
            String arg = processes.arg(row, position);
            if (arg.startsWith(TARGET_ARG) && arg.length() > TARGET_ARG.length()) {
                return Option.some(HostName.of(arg.substring(TARGET_ARG.length())));
            }
        }
        return Option.none();
    }

    record Seen(Pid pid, String script, HostName host, HostName target, Lifecycle lifecycle) {
    }
}

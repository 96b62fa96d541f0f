package bitalloc.application.service;

import bitalloc.application.port.out.NetworkScan;
import bitalloc.domain.host.HostName;
import bitalloc.domain.host.HostSnapshot;
import bitalloc.domain.process.Pid;
import bitalloc.domain.process.ProcessSnapshot;
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

    List<Seen> in(NetworkScan scan) {
        java.util.List<Seen> seen = new java.util.ArrayList<>();
        for (HostSnapshot host : scan.hosts()) {
            for (ProcessSnapshot process : host.processes()) {
                Lifecycle lifecycle = lifecycleByScript.get(process.script());
                if (lifecycle != null) {
                    target(process).forEach(target ->
                            seen.add(new Seen(process.pid(), process.script(), host.host(), target, lifecycle)));
                }
            }
        }
        return List.ofAll(seen);
    }

    private static Option<HostName> target(ProcessSnapshot process) {
        return process.args().find(arg -> arg.startsWith(TARGET_ARG) && arg.length() > TARGET_ARG.length())
                .map(arg -> HostName.of(arg.substring(TARGET_ARG.length())));
    }

    record Seen(Pid pid, String script, HostName host, HostName target, Lifecycle lifecycle) {
    }
}

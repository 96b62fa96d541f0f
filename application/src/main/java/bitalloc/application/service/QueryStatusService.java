package bitalloc.application.service;

import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.out.Clock;
import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorState;
import bitalloc.domain.selection.Target;
import bitalloc.domain.selection.TaskState;
import io.vavr.collection.List;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

@Singleton
public final class QueryStatusService implements QueryStatus {

    private final Engine engine;
    private final Clock clock;

    @Inject
    public QueryStatusService(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public Status status() {
        return engine.locked(() -> {
            List<HostLedgerView> hosts = engine.allocator().ledger();
            Ram totalFree = hosts.foldLeft(Ram.ZERO, (sum, host) -> sum.plus(host.effectiveFree()));
            SelectorState selector = engine.selector();
            return new Status(clock.now(), engine.session(), totalFree, hosts,
                    selector.targets().values().map(QueryStatusService::targetStatus).toList(),
                    engine.allocator().allocationCount(), engine.allocator().registrations().size(),
                    selector.counters());
        });
    }

    private static TargetStatus targetStatus(Target target) {
        TaskState task = target.task();
        String lifecycle = "";
        if (task instanceof TaskState.Running running) {
            lifecycle = running.lifecycle().name();
        } else if (task instanceof TaskState.AwaitingHeartbeat awaiting) {
            lifecycle = awaiting.plan().lifecycle().name();
        } else if (task instanceof TaskState.Launching launching) {
            lifecycle = launching.lifecycle().name();
        } else if (task instanceof TaskState.Recovering recovering) {
            lifecycle = recovering.lifecycle().name();
        }
        return new TargetStatus(target.name(), task.getClass().getSimpleName(), lifecycle,
                task.pid().map(Object::toString).getOrElse(""));
    }
}

package bitalloc.application.port.in;

import bitalloc.domain.host.HostLedgerView;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCounters;
import io.vavr.collection.List;
import java.time.Instant;

/** What bitalloc holds now: free RAM per host and in total, each target's lifecycle, the selector's counters. */
public interface QueryStatus {

    Status status();

    record Status(Instant at, GameSession session, Ram totalEffectiveFree, List<HostLedgerView> hosts,
                  List<TargetStatus> targets, int liveAllocations, int registrations, SelectorCounters counters) {
    }

    /** A target and where its task stands: {@code state} is the task state's name (Pending, Running…). */
    record TargetStatus(HostName target, String state, String lifecycle, String pid) {
    }
}

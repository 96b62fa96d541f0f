package bitalloc.application.port.out.history;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.application.port.out.state.TaskLifecycle;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/** One fact for the append-only history (DESIGN section 6): when it happened and in which game session. */
public sealed interface HistoryEvent {

    Instant at();

    GameSession session();

    /** One host as one poll classified it. */
    record HostScanned(Instant at, GameSession session, HostName host, HostKind kind, Ram maxRam, Ram setAside,
                       Ram usedRam, Ram allocated, Ram foreign, Ram reserved, Ram margin, Ram effectiveFree,
                       int processCount) implements HistoryEvent {
    }

    /**
     * A change to one allocation. {@code grants} are the (host, chunk size, chunks) the change concerned: what was
     * granted, added, claimed or released. {@code pid} names the claiming process for claims.
     */
    record AllocationChanged(Instant at, GameSession session, AllocationId allocation, AllocationChange change,
                             String requester, List<ChunkGrant> grants, Option<Pid> pid, String detail)
            implements HistoryEvent {
    }

    /** An allocation request that could not be met, with the RAM that was available for it. */
    record AllocationRefused(Instant at, GameSession session, String requester, Ram chunkSize, int chunks,
                             RefusalReason reason, Ram available) implements HistoryEvent {
    }

    /** A core service registered, unregistered, or was dropped because its pid was gone (A5). */
    record RegistrationChanged(Instant at, GameSession session, RegistrationChange change, HostName host, Pid pid,
                               String script, Ram ram) implements HistoryEvent {
    }

    /** Something the selector saw or did about a task; global events such as back-off name no target. */
    record TaskEvent(Instant at, GameSession session, TaskEventKind kind, Option<HostName> target,
                     Option<TaskLifecycle> lifecycle, Option<Pid> pid, String detail) implements HistoryEvent {
    }

    enum AllocationChange {
        GRANTED,
        GROWN,
        CLAIMED,
        CLAIM_RELEASED,
        CHUNKS_RELEASED,
        RELEASED,
        RECLAIMED_LEAKED
    }

    enum RefusalReason {
        NOTHING_FREE,
        NOT_ENOUGH_FREE,
        CHUNK_LARGER_THAN_ANY_HOST
    }

    enum RegistrationChange {
        REGISTERED,
        UNREGISTERED,
        AGED_OUT
    }

    enum TaskEventKind {
        LAUNCHED,
        CONFIRMED,
        HEARTBEAT_GAP,
        TIMED_OUT,
        KILLED,
        FINISHED,
        BACKED_OFF,
        FAILED,
        /** The game refused a launch for lack of RAM: what R1 forbids. */
        CLASH,
        /** A running task found after a restart and taken over (recovery, T8). */
        ADOPTED
    }
}

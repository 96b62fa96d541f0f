package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.QueryAllocations;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.in.RegisterService;
import bitalloc.application.port.in.ReleaseRam;
import bitalloc.application.port.in.UnregisterService;
import bitalloc.application.port.out.AllocationIds;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.GameState;
import bitalloc.application.port.out.Launcher;
import bitalloc.application.port.out.ProcessTable;
import bitalloc.application.port.out.ScanListener;
import bitalloc.application.port.out.Scheduler;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.tag.AllocationTags;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The live game's outgoing ports and the {@link BitallocApi} over the use cases. The in-game agent is the game's
 * only reader and writer: it pushes scans (process tables, targets, the player's level) and runs launches and
 * kills. Time is real time; the loops run on an {@link ExecutorScheduler} that the caller closes.
 */
public final class LiveModule extends AbstractModule {

    /** How long a launch waits for the agent's pid: the agent answers within one of its 2 s polls. */
    public static final Duration DEFAULT_AGENT_ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** How long an allocation request right after the start waits for the agent's first scan (one 2 s poll). */
    public static final Duration FIRST_SCAN_PATIENCE = Duration.ofSeconds(5);
    /** The poll loop does not run live (scans are pushed); the selector's loop and one spare. */
    private static final int LOOP_THREADS = 2;

    private final Duration agentAnswerTimeout;

    public LiveModule(Duration agentAnswerTimeout) {
        this.agentAnswerTimeout = agentAnswerTimeout;
    }

    @Override
    protected void configure() {
        bind(ScanListener.class).toInstance(ScanListener.NONE);
        bind(Clock.class).toInstance(Instant::now);
        // 122 random bits from a SecureRandom: a tag cannot be guessed.
        bind(AllocationIds.class).toInstance(() -> new AllocationId(UUID.randomUUID()));
    }

    @Provides
    @Singleton
    AgentChannel agentChannel() {
        return new AgentChannel(agentAnswerTimeout);
    }

    @Provides
    Launcher launcher(AgentChannel channel) {
        return channel;
    }

    @Provides
    @Singleton
    PushedGame pushedGame() {
        return new PushedGame();
    }

    @Provides
    ProcessTable processTable(PushedGame game) {
        return game;
    }

    @Provides
    GameState gameState(PushedGame game) {
        return game;
    }

    @Provides
    @Singleton
    ExecutorScheduler executorScheduler() {
        return new ExecutorScheduler(LOOP_THREADS);
    }

    @Provides
    Scheduler scheduler(ExecutorScheduler scheduler) {
        return scheduler;
    }

    @Provides
    @Singleton
    BitallocApi api(BitallocConfig config, AllocateRam allocate, ClaimRam claim, ReleaseRam release,
                    QueryAllocations allocations, RegisterService register, UnregisterService unregister,
                    PollNetwork poll, PushedGame game, RecordHeartbeat heartbeat, FinishTask finish,
                    AgentChannel agent, QueryStatus status) {
        return new BitallocApi(
                new LiveAllocations(game, FIRST_SCAN_PATIENCE, allocate, claim, release, allocations,
                        AllocationTags.of(config.allocator().tagKey())),
                new LiveRegistrations(register, unregister),
                new LiveScans(game, poll),
                new LiveTasks(heartbeat, finish),
                agent,
                new LiveStatus(status));
    }
}

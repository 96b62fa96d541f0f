package bitalloc.application.service;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.out.Scheduler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The two loops (DESIGN §5): polling every host (default every 2 s) and ticking the selector (default every
 * 500 ms). Recovery runs first, so the loops start from the persisted state.
 */
@Singleton
public final class ControlLoops {

    private final BitallocConfig config;
    private final Scheduler scheduler;
    private final Recover recover;
    private final PollNetwork poll;
    private final TickSelector tick;

    @Inject
    public ControlLoops(BitallocConfig config, Scheduler scheduler, Recover recover, PollNetwork poll,
                        TickSelector tick) {
        this.config = config;
        this.scheduler = scheduler;
        this.recover = recover;
        this.poll = poll;
        this.tick = tick;
    }

    public Recover.Recovery start() {
        Recover.Recovery recovery = recover.recover();
        scheduler.every(config.pollInterval(), poll::poll);
        scheduler.every(config.tickInterval(), tick::tick);
        return recovery;
    }

    /**
     * For a game whose agent pushes its scans, each of which runs the poll when it arrives: recovery and the
     * selector's loop only, so no scan is ever applied twice. Without the agent nothing in the game is seen to
     * change, and nothing needs a scan.
     */
    public Recover.Recovery startWithPushedScans() {
        Recover.Recovery recovery = recover.recover();
        scheduler.every(config.tickInterval(), tick::tick);
        return recovery;
    }
}

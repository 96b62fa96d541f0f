package bitalloc.adapters.sim.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The discrete-event kernel: a virtual clock, the event queue and the loop that fires events in order until a
 * deadline. After every event the registered after-event hooks run (invariant checks, progress).
 */
public final class Simulation {

    private final VirtualClock clock;
    private final EventQueue queue = new EventQueue();
    private final TraceHash trace = new TraceHash();
    private final List<Runnable> afterEachEvent = new ArrayList<>();
    private long eventsFired;

    public Simulation(VirtualClock clock) {
        this.clock = clock;
    }

    public VirtualClock clock() {
        return clock;
    }

    public long now() {
        return clock.millis();
    }

    public TraceHash trace() {
        return trace;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** Schedules an event {@code delayMillis} from now (0 = later at this same instant, after what is queued). */
    public void after(long delayMillis, SimEvent event) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay: " + delayMillis);
        }
        queue.schedule(clock.millis() + delayMillis, event);
    }

    public void at(long atMillis, SimEvent event) {
        queue.schedule(Math.max(atMillis, clock.millis()), event);
    }

    /** Fires {@code action} every {@code period}, first at {@code firstAfter} from now, until the run ends. */
    public void every(Duration period, Duration firstAfter, Runnable action) {
        long periodMillis = period.toMillis();
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        after(firstAfter.toMillis(), new Periodic(periodMillis, action));
    }

    public void afterEachEvent(Runnable hook) {
        afterEachEvent.add(hook);
    }

    /** Fires every event due at or before {@code endMillis}, then leaves the clock at {@code endMillis}. */
    public void runUntil(long endMillis) {
        while (queue.hasEventAtOrBefore(endMillis)) {
            EventQueue.Scheduled next = queue.poll();
            clock.advanceTo(next.atMillis());
            next.event().fire();
            eventsFired++;
            for (Runnable hook : afterEachEvent) {
                hook.run();
            }
        }
        if (endMillis > clock.millis()) {
            clock.advanceTo(endMillis);
        }
    }

    private final class Periodic implements SimEvent {
        private final long periodMillis;
        private final Runnable action;

        Periodic(long periodMillis, Runnable action) {
            this.periodMillis = periodMillis;
            this.action = action;
        }

        @Override
        public void fire() {
            action.run();
            after(periodMillis, this);
        }
    }
}

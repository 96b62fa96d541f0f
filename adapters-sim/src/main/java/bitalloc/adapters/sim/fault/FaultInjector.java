package bitalloc.adapters.sim.fault;

import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.scenario.FaultProfile;
import bitalloc.adapters.sim.script.ScriptFaults;
import bitalloc.adapters.sim.script.TaskScript;
import java.util.SplittableRandom;

/**
 * Injects the scenario's faults, all drawn from the faults' own random stream: per task script a crash or a hang
 * at a uniform time within the fault window; per helper a lost tag; game reloads and bitalloc restarts as
 * Poisson processes. What a reload or a restart does is up to the two handlers.
 */
public final class FaultInjector implements ScriptFaults {

    private final Simulation simulation;
    private final FaultProfile profile;
    private final SplittableRandom random;
    private final Runnable gameReload;
    private final Runnable bitallocRestart;
    private boolean stopped;
    private long plannedCrashes;
    private long plannedHangs;
    private long lostTags;
    private long reloads;
    private long restarts;

    public FaultInjector(Simulation simulation, FaultProfile profile, SplittableRandom random, Runnable gameReload,
                         Runnable bitallocRestart) {
        this.simulation = simulation;
        this.profile = profile;
        this.random = random;
        this.gameReload = gameReload;
        this.bitallocRestart = bitallocRestart;
    }

    public void start() {
        scheduleReload();
        scheduleRestart();
    }

    /** No more global faults (reloads, restarts) from now on; task faults still follow their probabilities. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void planTask(TaskScript task) {
        double roll = random.nextDouble();
        if (roll < profile.taskCrashProbability()) {
            plannedCrashes++;
            simulation.after(strikeTime(), task::crash);
        } else if (roll < profile.taskCrashProbability() + profile.taskHangProbability()) {
            plannedHangs++;
            simulation.after(strikeTime(), task::hang);
        }
    }

    @Override
    public boolean helperLosesTag() {
        boolean loses = profile.helperTagLossProbability() > 0 && random.nextDouble() < profile.helperTagLossProbability();
        if (loses) {
            lostTags++;
        }
        return loses;
    }

    private long strikeTime() {
        return RandomStreams.uniform(random, 1, profile.faultWindow().toMillis());
    }

    private void scheduleReload() {
        long wait = RandomStreams.exponentialMillis(random, profile.gameReloadsPerHour());
        if (wait != Long.MAX_VALUE) {
            simulation.after(wait, () -> {
                if (!stopped) {
                    reloads++;
                    gameReload.run();
                    scheduleReload();
                }
            });
        }
    }

    private void scheduleRestart() {
        long wait = RandomStreams.exponentialMillis(random, profile.bitallocRestartsPerHour());
        if (wait != Long.MAX_VALUE) {
            simulation.after(wait, () -> {
                if (!stopped) {
                    restarts++;
                    bitallocRestart.run();
                    scheduleRestart();
                }
            });
        }
    }

    public long plannedCrashes() {
        return plannedCrashes;
    }

    public long plannedHangs() {
        return plannedHangs;
    }

    public long lostTags() {
        return lostTags;
    }

    public long reloads() {
        return reloads;
    }

    public long restarts() {
        return restarts;
    }
}

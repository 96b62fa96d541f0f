package bitalloc.adapters.sim.player;

import bitalloc.adapters.sim.kernel.RandomStreams;
import bitalloc.adapters.sim.kernel.Simulation;
import bitalloc.adapters.sim.network.ExitCause;
import bitalloc.adapters.sim.network.GameNetwork;
import bitalloc.adapters.sim.network.Owner;
import bitalloc.adapters.sim.network.ProcessBehaviour;
import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.network.SimProcess;
import bitalloc.adapters.sim.scenario.PlayerProfile;
import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.util.SplittableRandom;

/**
 * The player, competing with bitalloc for RAM: foreign scripts started at random (Poisson arrivals, uniform
 * sizes and lifetimes, mostly on home), the faction share UI holding home RAM with no process, and now and
 * then one large manual script on home. A refused start is not retried. All draws come from the player's own
 * random stream.
 */
public final class PlayerModel {

    public static final String FOREIGN_SCRIPT = "player-script.js";
    public static final String MANUAL_SCRIPT = "manual.js";

    private final Simulation simulation;
    private final GameNetwork network;
    private final PlayerProfile profile;
    private final SplittableRandom random;
    private boolean stopped;
    private long started;
    private long refused;

    public PlayerModel(Simulation simulation, GameNetwork network, PlayerProfile profile, SplittableRandom random) {
        this.simulation = simulation;
        this.network = network;
        this.profile = profile;
        this.random = random;
    }

    public void start() {
        scheduleScript();
        scheduleShare();
        scheduleLargeScript();
    }

    /** From now on the player starts nothing new; running scripts live out their lifetimes. */
    public void stop() {
        stopped = true;
    }

    public long starts() {
        return started;
    }

    public long refusals() {
        return refused;
    }

    private void scheduleScript() {
        long wait = RandomStreams.exponentialMillis(random, profile.scriptStartsPerMinute() * 60);
        if (wait != Long.MAX_VALUE) {
            simulation.after(wait, () -> {
                if (!stopped) {
                    startForeignScript();
                    scheduleScript();
                }
            });
        }
    }

    private void startForeignScript() {
        SimHost host = pickHost();
        Ram perThread = Ram.ofHundredths(RandomStreams.uniform(random, profile.minRamPerThread().hundredths(),
                profile.maxRamPerThread().hundredths()));
        int threads = (int) RandomStreams.uniform(random, profile.minThreads(), profile.maxThreads());
        long lifetime = RandomStreams.uniform(random, profile.minLifetime().toMillis(),
                profile.maxLifetime().toMillis());
        launch(host, FOREIGN_SCRIPT, perThread, threads, lifetime);
    }

    private void scheduleLargeScript() {
        long wait = RandomStreams.exponentialMillis(random, profile.largeScriptsPerHour());
        if (wait != Long.MAX_VALUE) {
            simulation.after(wait, () -> {
                if (!stopped) {
                    startLargeScript();
                    scheduleLargeScript();
                }
            });
        }
    }

    private void startLargeScript() {
        SimHost home = network.home();
        long percent = RandomStreams.uniform(random, profile.largeMinPercentOfHome(), profile.largeMaxPercentOfHome());
        Ram size = Ram.ofHundredths(Math.max(160, home.maxRamHundredths() * percent / 100));
        long lifetime = RandomStreams.uniform(random, profile.largeMinLifetime().toMillis(),
                profile.largeMaxLifetime().toMillis());
        launch(home, MANUAL_SCRIPT, size, 1, lifetime);
    }

    private void scheduleShare() {
        long wait = RandomStreams.exponentialMillis(random, profile.sharesPerHour());
        if (wait != Long.MAX_VALUE) {
            simulation.after(wait, () -> {
                if (!stopped) {
                    share();
                    scheduleShare();
                }
            });
        }
    }

    private void share() {
        SimHost home = network.home();
        started++;
        if (network.holdShare(home.name(), profile.shareRam())) {
            long session = network.session().value();
            simulation.after(profile.shareHold().toMillis(), () -> {
                if (network.session().value() == session) {
                    network.releaseShare(home.name(), profile.shareRam());
                }
            });
        } else {
            refused++;
        }
    }

    private void launch(SimHost host, String script, Ram perThread, int threads, long lifetimeMillis) {
        started++;
        network.exec(host.name(), script, threads, perThread, List.empty(), Owner.PLAYER, true,
                        new TimedExit(lifetimeMillis))
                .orElseRun(failure -> refused++);
    }

    private SimHost pickHost() {
        java.util.List<SimHost> usable = network.usableHosts();
        if (random.nextDouble() < profile.homeBias() || usable.size() == 1) {
            return network.home();
        }
        return usable.get(random.nextInt(usable.size()));
    }

    /** A script that does its work and exits after its lifetime. */
    private final class TimedExit implements ProcessBehaviour {
        private final long lifetimeMillis;

        TimedExit(long lifetimeMillis) {
            this.lifetimeMillis = lifetimeMillis;
        }

        @Override
        public void onStart(SimProcess process) {
            simulation.after(lifetimeMillis, () -> network.end(process, ExitCause.FINISHED));
        }
    }
}

package bitalloc.domain.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.game.HackingFormulas;
import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.Security;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorCommand.KillTask;
import bitalloc.domain.selection.SelectorCommand.LaunchTask;
import bitalloc.domain.selection.SelectorEvent.HelpersRefused;
import bitalloc.domain.selection.SelectorEvent.LaunchFailed;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import bitalloc.domain.selection.SelectorEvent.Tick;
import bitalloc.domain.selection.TaskPlan.SowPlan;
import bitalloc.domain.selection.TaskPlan.TillPlan;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two 8 GB hosts and n00dles far from ready: the selector must walk it to harvest with tasks small enough for the
 * network, never launching something whose script or helpers cannot get RAM.
 */
class StarvedNetworkTest {

    private static final Duration TICK = Duration.ofMillis(500);
    private static final HackingFormulas FORMULAS = new HackingFormulas(SelectorConfig.defaults().bitNode());
    private static final Player PLAYER = Player.atLevel(1);

    private final TaskSelector selector = new TaskSelector(SelectorConfig.defaults());
    private final HelperRam helperRam = selector.config().helperRam();
    private SelectorState state = SelectorState.initial();
    private Instant now = SelectorDriver.START;

    private TargetServer noodles = new TargetServer(HostName.of("n00dles"), 1, Security.of(5), Security.of(1),
            Money.of(70_000), Money.of(1_750_000), 3000);
    private Map<HostName, Ram> free = LinkedHashMap.of(HostName.of("home"), Ram.ofGb(8), HostName.of("pserv-0"),
            Ram.ofGb(8));
    private LiveTask running = null;
    private long nextPid = 1;
    private int clashes;
    private int refusals;
    private List<TaskPlan> plans = List.empty();

    /** The one live task: its pid, plan, the RAM it holds on each host, and when its last helper lands. */
    private record LiveTask(Pid pid, LaunchTask launch, Map<HostName, Ram> held, Instant finishesAt) {
        Ram total() {
            return held.values().fold(Ram.ZERO, Ram::plus);
        }
    }

    @Test
    void a_ram_starved_network_reaches_harvest_with_scaled_down_tasks_and_no_failed_launch() {
        Instant deadline = now.plus(Duration.ofHours(3));
        Instant lastHeartbeat = now;
        send(new SelectorEvent.TargetObserved(noodles, PLAYER));

        while (plans.isEmpty() || plans.last().lifecycle() != Lifecycle.HARVEST) {
            assertTrue(now.isBefore(deadline), "no harvest after 3 virtual hours; plans: " + plans);
            if (running != null && !now.isBefore(running.finishesAt())) {
                finish();
            }
            if (running != null && Duration.between(lastHeartbeat, now).toMillis() >= 1000) {
                send(new SelectorEvent.Heartbeat(running.pid(), running.launch().script(), noodles.name(),
                        running.launch().lifecycle()));
                lastHeartbeat = now;
            }
            if (Duration.between(SelectorDriver.START, now).toMillis() % 2000 == 0) {
                send(new SelectorEvent.TargetObserved(noodles, PLAYER));
            }
            Map<Pid, Ram> inUse = running == null ? HashMap.empty() : HashMap.of(running.pid(), running.total());
            send(new Tick(free, inUse));
            now = now.plus(TICK);
        }

        assertEquals(0, clashes, "task scripts refused for lack of RAM");
        assertEquals(0, refusals, "helpers refused RAM");
        assertEquals(0, state.counters().failed());
        List<Lifecycle> phases = plans.map(TaskPlan::lifecycle).distinct();
        assertEquals(List.of(Lifecycle.TILL, Lifecycle.SOW, Lifecycle.HARVEST), phases);
        assertTrue(plans.find(plan -> plan.lifecycle() == Lifecycle.TILL).get().scaledDown(), plans::toString);
        assertTrue(plans.find(plan -> plan.lifecycle() == Lifecycle.SOW).get().scaledDown(), plans::toString);
        assertTrue(plans.last().scaledDown(), "harvest fitted to 6 helper threads: " + plans.last());
        assertTrue(plans.forAll(plan -> plan.helperRam(helperRam).plus(Ram.ofGb(3)).compareTo(Ram.ofGb(16)) <= 0));
    }

    private void send(SelectorEvent event) {
        Transition transition = selector.handle(state, event, now);
        state = transition.state();
        transition.commands().forEach(this::execute);
    }

    private void execute(SelectorCommand command) {
        if (command instanceof KillTask kill) {
            throw new AssertionError("nothing should need killing here: " + kill);
        }
        LaunchTask launch = (LaunchTask) command;
        plans = plans.append(launch.plan());
        Ram script = launch.footprint().scriptRam();
        if (!free.get(launch.host()).get().isAtLeast(script)) {
            clashes++;
            send(new LaunchFailed(launch.target(), LaunchFailureReason.NOT_ENOUGH_RAM));
            return;
        }
        if (launch.lifecycle() == Lifecycle.HARVEST) {
            return; // reaching harvest is the goal of this test
        }
        Pid pid = Pid.of(nextPid++);
        take(launch.host(), script);
        send(new LaunchSucceeded(launch.target(), pid));
        Map<HostName, Ram> held = HashMap.of(launch.host(), script);
        long threads = launch.plan().helperThreads();
        Ram thread = helperRam.largest();
        for (HostName host : free.keySet()) {
            long here = Math.min(threads, free.get(host).get().chunksOf(thread));
            take(host, thread.times(here));
            held = held.put(host, held.get(host).getOrElse(Ram.ZERO).plus(thread.times(here)));
            threads -= here;
        }
        if (threads > 0) {
            refusals++;
            send(new HelpersRefused(pid));
            return;
        }
        running = new LiveTask(pid, launch, held, now.plus(FORMULAS.weakenTime(noodles, PLAYER)));
        send(new SelectorEvent.Heartbeat(pid, launch.script(), launch.target(), launch.lifecycle()));
    }

    private void take(HostName host, Ram ram) {
        free = free.put(host, free.get(host).get().minus(ram));
    }

    /** The task's helpers land: the server changes, RAM comes back, the task reports its phase done. */
    private void finish() {
        TaskPlan plan = running.launch().plan();
        if (plan instanceof TillPlan till) {
            noodles = weakened(noodles, till.weakenThreads());
        } else if (plan instanceof SowPlan sow) {
            Money grown = FORMULAS.moneyAfterGrow(noodles, PLAYER, sow.growThreads(), 1);
            noodles = weakened(noodles.withMoney(grown)
                    .withSecurity(noodles.security().plus(FORMULAS.growSecurityIncrease(sow.growThreads()))),
                    sow.weakenThreads());
        }
        running.held().forEach((host, ram) -> free = free.put(host, free.get(host).get().plus(ram)));
        LiveTask done = running;
        running = null;
        send(new TaskFinished(noodles.name(), done.launch().lifecycle(), done.pid()));
    }

    private static TargetServer weakened(TargetServer server, long threads) {
        double lowered = server.security().level() - FORMULAS.weakenEffect(threads, 1);
        return server.withSecurity(Security.of(Math.max(server.minSecurity().level(), lowered)));
    }
}

package bitalloc.adapters.sim;

import bitalloc.adapters.sim.network.SimHost;
import bitalloc.adapters.sim.script.ScriptCatalog;
import bitalloc.domain.game.BitNode;
import bitalloc.domain.game.HackingFormulas;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** A naive selector for world tests: one task per target, classified T1-style, on the host with most free RAM. */
final class FakeSelector {

    private final SimWorld world;
    private final int maxTargets;
    private final HackingFormulas formulas = new HackingFormulas(BitNode.ONE);
    private final Map<HostName, Pid> running = new LinkedHashMap<>();
    long launches;
    long refusals;

    private final FakeLink link;

    FakeSelector(SimWorld world, FakeLink link, int maxTargets) {
        this.world = world;
        this.link = link;
        this.maxTargets = maxTargets;
    }

    void tick() {
        running.entrySet().removeIf(e -> world.network().process(e.getValue())
                .map(p -> !isTask(p.script())).getOrElse(true));
        Player player = world.gameState().player();
        for (TargetServer target : world.gameState().targets()) {
            if (running.size() >= maxTargets) {
                return;
            }
            if (running.containsKey(target.name()) || target.requiredHackingLevel() > player.hackingLevel()) {
                continue;
            }
            launch(target, player);
        }
    }

    private static boolean isTask(String script) {
        return script.equals(ScriptCatalog.TILL) || script.equals(ScriptCatalog.SOW)
                || script.equals(ScriptCatalog.HARVEST);
    }

    private void launch(TargetServer server, Player player) {
        String script;
        List<String> args;
        String target = server.name().value();
        if (server.security().level() > server.minSecurity().level() + 1) {
            script = ScriptCatalog.TILL;
            args = List.of("--target=" + target, "--weakenThreads=" + Math.min(200, formulas.weakenThreadsToMinimum(server, 1)));
        } else if (server.money().dollars() < 0.99 * server.maxMoney().dollars()) {
            script = ScriptCatalog.SOW;
            long threads = formulas.growThreads(server, player, server.money(), server.maxMoney(), 1);
            args = List.of("--target=" + target, "--growThreads=" + Math.max(1, Math.min(200, threads)));
        } else {
            script = ScriptCatalog.HARVEST;
            args = List.of("--target=" + target, "--hackFraction=0.1", "--batches=2");
        }
        SimHost host = world.network().usableHosts().stream()
                .max((a, b) -> Long.compare(link.free(a), link.free(b))).get();
        if (link.free(host) < 330) {
            return;
        }
        world.launcher().launch(host.name(), script, 1, args).fold(failure -> {
            refusals++;
            return null;
        }, pid -> {
            launches++;
            running.put(server.name(), pid);
            return null;
        });
    }
}

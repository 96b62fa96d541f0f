package bitalloc.domain.selection;

import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.Security;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.SelectorEvent.Heartbeat;
import bitalloc.domain.selection.SelectorEvent.TargetObserved;
import bitalloc.domain.selection.SelectorEvent.TaskProcessSeen;
import bitalloc.domain.selection.SelectorEvent.Tick;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/** Servers, players and events the selector tests share. */
final class Fixtures {

    static final Player NOVICE = Player.atLevel(1);
    static final HostName HOME = HostName.of("home");
    static final HostName PSERV = HostName.of("pserv-0");

    private Fixtures() {
    }

    /** n00dles as the game defines it, with the given security and money. */
    static TargetServer noodles(double security, double money) {
        return server("n00dles", 1, security, 1, money, 1_750_000, 3000);
    }

    /** foodnstuff as the game defines it, with the given security and money. */
    static TargetServer foodnstuff(double security, double money) {
        return server("foodnstuff", 1, security, 3, money, 50_000_000, 5);
    }

    /** A money-bearing server named {@code name} that needs tilling. */
    static TargetServer tillable(String name) {
        return server(name, 1, 10, 3, 2_000_000, 50_000_000, 5);
    }

    static TargetServer server(String name, int requiredLevel, double security, double minSecurity, double money,
                               double maxMoney, int growth) {
        return new TargetServer(HostName.of(name), requiredLevel, Security.of(security), Security.of(minSecurity),
                Money.of(money), Money.of(maxMoney), growth);
    }

    static TargetObserved observed(TargetServer server) {
        return new TargetObserved(server, NOVICE);
    }

    static Heartbeat heartbeat(long pid, String target, Lifecycle lifecycle) {
        return new Heartbeat(Pid.of(pid), scriptOf(lifecycle), HostName.of(target), lifecycle);
    }

    static TaskProcessSeen seen(long pid, String target, Lifecycle lifecycle) {
        return new TaskProcessSeen(Pid.of(pid), scriptOf(lifecycle), HOME, HostName.of(target), lifecycle);
    }

    static String scriptOf(Lifecycle lifecycle) {
        return TaskScripts.DEFAULT.forLifecycle(lifecycle).file();
    }

    /** A tick with free RAM given as host name, GB, host name, GB … */
    static Tick tick(Object... hostsAndGb) {
        return Tick.of(freeRam(hostsAndGb));
    }

    static Map<HostName, Ram> freeRam(Object... hostsAndGb) {
        Map<HostName, Ram> free = LinkedHashMap.empty();
        for (int i = 0; i < hostsAndGb.length; i += 2) {
            free = free.put(HostName.of((String) hostsAndGb[i]), Ram.parse(hostsAndGb[i + 1].toString()));
        }
        return free;
    }

    /** Plenty of RAM: one large host. */
    static Tick roomyTick() {
        return tick("home", "100000");
    }
}

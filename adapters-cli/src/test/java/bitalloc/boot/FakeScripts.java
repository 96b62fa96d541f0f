package bitalloc.boot;

import bitalloc.application.port.out.state.ChunkGrant;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scripts that call bitalloc besides the agent, over the {@link FakeWorld}: task scripts and a player's batcher
 * request RAM for helpers, start them in the grant and claim it, give claims and allocations back; task scripts
 * finish and say so; the player starts core services and registers them, and stops some. Each step is one seeded
 * random action, and every acknowledged change goes to {@link AcknowledgedChanges}.
 */
final class FakeScripts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HELPER = "bitalloc/weaken.js";
    private static final Ram HELPER_RAM = FakeAgent.ram(HELPER);
    private static final List<HostName> SERVICE_HOSTS =
            List.of(HostName.of("home"), HostName.of("pserv-0"), HostName.of("pserv-1"));
    private static final int MOST_HELD = 4;

    private record Service(Pid pid, HostName host) {
    }

    private final FakeWorld world;
    private final LiveApiClient api;
    private final AcknowledgedChanges acknowledged;
    private final FakeAgent agent;
    private final ScriptRequester batcher;
    private final ReentrantLock servicesBusy = new ReentrantLock();
    private final List<Service> services = new ArrayList<>();
    private volatile boolean tasksMayFinish = true;

    private FakeScripts(FakeWorld world, LiveApiClient api, AcknowledgedChanges acknowledged, FakeAgent agent,
                        ScriptRequester batcher) {
        this.world = world;
        this.api = api;
        this.acknowledged = acknowledged;
        this.agent = agent;
        this.batcher = batcher;
    }

    /** The player's batcher starts on home: a foreign script that runs its helpers through bitalloc. */
    static FakeScripts start(FakeWorld world, LiveApiClient api, AcknowledgedChanges acknowledged, FakeAgent agent) {
        FakeWorld.Process batcher = world.start(HostName.of("home"), "player/batcher.js", 1, Ram.parse("2.60"),
                List.of()).orElseThrow();
        return new FakeScripts(world, api, acknowledged, agent,
                new ScriptRequester(batcher.pid(), batcher.host(), HostName.of("n00dles")));
    }

    /** While false, task scripts keep running: the test is checking that the restarted service adopts them. */
    void letTasksFinish(boolean allowed) {
        tasksMayFinish = allowed;
    }

    void step(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            services(random);
            return;
        }
        List<FakeAgent.FakeTask> tasks = agent.tasks();
        int pick = random.nextInt(tasks.size() + 1);
        Optional<FakeAgent.FakeTask> task = pick < tasks.size() ? Optional.of(tasks.get(pick)) : Optional.empty();
        ScriptRequester requester = task.map(FakeAgent.FakeTask::requester).orElse(batcher);
        if (!requester.busy.tryLock()) {
            return;
        }
        try {
            if (!world.isRunning(requester.pid)) {
                return;
            }
            if (roll < 55) {
                allocate(requester, random);
            } else if (roll < 68) {
                releaseClaim(requester, random);
            } else if (roll < 93 || task.isEmpty() || !tasksMayFinish) {
                releaseAllocation(requester, random);
            } else {
                finish(task.get());
            }
        } finally {
            requester.busy.unlock();
        }
    }

    /** Makes one task give back its RAM and finish, so its target is free for a new launch. */
    boolean finishOne() {
        for (FakeAgent.FakeTask task : agent.tasks()) {
            task.requester().busy.lock();
            try {
                if (world.isRunning(task.pid()) && finish(task)) {
                    return true;
                }
            } finally {
                task.requester().busy.unlock();
            }
        }
        return false;
    }

    private void allocate(ScriptRequester requester, SplittableRandom random) {
        if (requester.held.size() >= MOST_HELD) {
            return;
        }
        ObjectNode body = JSON.objectNode();
        body.putObject("requester").put("pid", requester.pid.value()).put("hostname", requester.host.value());
        body.put("filename", HELPER).put("chunkSize", FakeWorld.gb(HELPER_RAM)).put("numChunks", 1 + random.nextInt(3))
                .put("contiguous", false).put("coreDependent", false).put("shrinkable", false)
                .put("longRunning", false);
        Optional<LiveApiClient.Answer> answer = api.post("/allocations", body);
        if (answer.isEmpty() || !answer.get().is(201)) {
            return;
        }
        JsonNode grant = answer.get().body();
        AllocationId id = AllocationId.parse(grant.path("allocationId").asText());
        List<ChunkGrant> grants = new ArrayList<>();
        grant.path("hosts").forEach(host -> grants.add(new ChunkGrant(HostName.of(host.path("hostname").asText()),
                Ram.parse(host.path("chunkSize").decimalValue().toPlainString()), host.path("numChunks").asInt())));
        acknowledged.granted(id, grants);
        ScriptRequester.Held held = new ScriptRequester.Held(id, grant.path("tag").asText());
        requester.held.add(held);
        for (ChunkGrant part : grants) {
            world.start(part.host(), HELPER, part.chunks(), part.chunkSize(),
                    List.of(requester.helperTarget.value(), "0", held.tag)).ifPresent(helper -> {
                        held.helpers.put(helper.pid(), part.host());
                        ObjectNode claim = JSON.objectNode().put("tag", held.tag).put("pid", helper.pid().value())
                                .put("hostname", part.host().value()).put("numChunks", part.chunks());
                        api.post("/allocations/" + id + "/claims", claim).filter(claimed -> claimed.is(201))
                                .ifPresent(claimed -> acknowledged.claimed(id, helper.pid(), part.host(),
                                        part.chunks()));
                    });
        }
    }

    /** One helper is done: its claim is given back, then it exits. */
    private void releaseClaim(ScriptRequester requester, SplittableRandom random) {
        List<ScriptRequester.Held> withHelpers = requester.held.stream().filter(h -> !h.helpers.isEmpty()).toList();
        if (withHelpers.isEmpty()) {
            return;
        }
        ScriptRequester.Held held = withHelpers.get(random.nextInt(withHelpers.size()));
        Pid helper = held.helpers.keySet().iterator().next();
        acknowledged.releasingClaim(held.id, helper);
        Optional<LiveApiClient.Answer> answer = api.delete("/allocations/" + held.id + "/claims/" + helper.value());
        if (answer.isEmpty()) {
            return;
        }
        if (answer.get().is(404)) {
            acknowledged.unknownAfterRestart(held.id, "DELETE /allocations/{id}/claims/" + helper.value());
            drop(requester, held);
            return;
        }
        if (answer.get().changed()) {
            acknowledged.claimReleased(held.id, helper);
        }
        world.kill(helper);
        held.helpers.remove(helper);
    }

    private void releaseAllocation(ScriptRequester requester, SplittableRandom random) {
        if (!requester.held.isEmpty()) {
            release(requester, requester.held.get(random.nextInt(requester.held.size())));
        }
    }

    /** The helpers have exited; the allocation is given back. False when no answer came (tried again later). */
    private boolean release(ScriptRequester requester, ScriptRequester.Held held) {
        stopHelpers(held, world, acknowledged);
        acknowledged.releasing(held.id);
        Optional<LiveApiClient.Answer> answer = api.delete("/allocations/" + held.id);
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.get().is(404)) {
            acknowledged.unknownAfterRestart(held.id, "DELETE /allocations/{id}");
        } else if (answer.get().changed()) {
            acknowledged.released(held.id);
        }
        requester.held.remove(held);
        return true;
    }

    private boolean finish(FakeAgent.FakeTask task) {
        for (ScriptRequester.Held held : List.copyOf(task.requester().held)) {
            if (!release(task.requester(), held)) {
                return false;
            }
        }
        agent.finished(task);
        return true;
    }

    private void drop(ScriptRequester requester, ScriptRequester.Held held) {
        stopHelpers(held, world, acknowledged);
        requester.held.remove(held);
    }

    /** A script killed by the game: its helpers end too, and bitalloc may reclaim what it held. */
    static void endAbruptly(ScriptRequester requester, FakeWorld world, AcknowledgedChanges acknowledged) {
        requester.busy.lock();
        try {
            for (ScriptRequester.Held held : requester.held) {
                stopHelpers(held, world, acknowledged);
                acknowledged.mayBeReclaimed(held.id);
            }
            requester.held.clear();
        } finally {
            requester.busy.unlock();
        }
    }

    /** Helpers that exit without giving their claim back: the scan drops those claims, so they are uncertain. */
    private static void stopHelpers(ScriptRequester.Held held, FakeWorld world, AcknowledgedChanges acknowledged) {
        held.helpers.keySet().forEach(helper -> {
            acknowledged.releasingClaim(held.id, helper);
            world.kill(helper);
        });
        held.helpers.clear();
    }

    private void services(SplittableRandom random) {
        if (!servicesBusy.tryLock()) {
            return;
        }
        try {
            if (services.size() < 2 || random.nextBoolean()) {
                startService(random);
            } else {
                stopService(services.get(random.nextInt(services.size())));
            }
        } finally {
            servicesBusy.unlock();
        }
    }

    private void startService(SplittableRandom random) {
        HostName host = SERVICE_HOSTS.get(random.nextInt(SERVICE_HOSTS.size()));
        Ram ram = Ram.ofHundredths(100 + random.nextInt(200));
        Optional<FakeWorld.Process> started = world.start(host, "player/service-" + random.nextInt(1000) + ".js", 1,
                ram, List.of());
        if (started.isEmpty()) {
            return;
        }
        Pid pid = started.get().pid();
        ObjectNode body = JSON.objectNode().put("hostname", host.value()).put("pid", pid.value())
                .put("filename", started.get().filename()).put("ram", FakeWorld.gb(ram));
        Optional<LiveApiClient.Answer> answer = api.post("/registrations", body);
        if (answer.isPresent() && (answer.get().is(201) || answer.get().is(200))) {
            acknowledged.registered(pid, host, ram);
            services.add(new Service(pid, host));
        } else {
            world.kill(pid);
        }
    }

    private void stopService(Service service) {
        acknowledged.unregistering(service.pid());
        Optional<LiveApiClient.Answer> answer =
                api.delete("/registrations/" + service.host().value() + "/" + service.pid().value());
        if (answer.isEmpty()) {
            return;
        }
        if (answer.get().changed()) {
            acknowledged.unregistered(service.pid());
        }
        world.kill(service.pid());
        services.remove(service);
    }
}

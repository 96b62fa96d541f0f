import { test } from "node:test";
import assert from "node:assert/strict";
import { main as agentMain } from "bitalloc/agent.js";
import { main as probeMain } from "bitalloc/probe.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc, TOKEN } from "./support/fake-bitalloc.mjs";

function network() {
  const game = new FakeGame()
    .addServer("home", { maxRam: 32, cores: 4, purchased: true })
    .addServer("n00dles", { maxRam: 4, links: ["home"] })
    .addServer("foodnstuff", { maxRam: 16, root: false, links: ["home"] })
    .addServer("CSEC", { maxRam: 8, links: ["n00dles"] })
    .addServer("darkweb", { maxRam: 0, links: ["home"] })
    .addServer("my-farm", { maxRam: 64, purchased: true, links: ["home"] })
    .addServer("hacknet-server-0", { maxRam: 8, cores: 3, links: ["home"] });
  game.putShippedScripts("home");
  return { game, bitalloc: new FakeBitalloc(game) };
}

async function runAgent(game, bitalloc, untilMs) {
  const ns = game.start("home", "bitalloc/agent.js");
  await agentMain(ns, bitalloc.environment({ keepRunning: () => game.clock < untilMs }));
  return ns;
}

function resultsById(bitalloc) {
  const results = {};
  for (const call of bitalloc.callsTo("POST", "/agent/commands/")) {
    const id = call.path.split("/")[3];
    assert.equal(results[id], undefined, `result of ${id} posted twice`);
    results[id] = call.body;
  }
  return results;
}

test("the agent registers itself with its own pid, host, script and RAM", async () => {
  const { game, bitalloc } = network();
  const ns = await runAgent(game, bitalloc, 1);

  const [registration] = bitalloc.callsTo("POST", "/registrations");
  assert.deepEqual(registration.body, { hostname: "home", pid: ns.pid, filename: "bitalloc/agent.js", ram: 4.9 });
});

test("one scan per poll carries every rooted host with RAM, its flags and its processes", async () => {
  const { game, bitalloc } = network();
  const foreign = game.spawnProcess("n00dles", "x.js", 2, ["a", 1, true], 1.8);
  game.putScript("n00dles", "x.js", "export async function main(ns) {}", 1.8);
  const ns = await runAgent(game, bitalloc, 1);

  const [scan] = bitalloc.callsTo("POST", "/scans");
  assert.match(scan.body.session, /^[0-9a-f]{32}$/);
  assert.deepEqual(Object.keys(scan.body), ["session", "hosts", "player", "targets"]);
  assert.deepEqual(scan.body.player, { hackingLevel: 1 });
  assert.deepEqual(scan.body.targets, [], "no target before the probe told the servers' fixed numbers");
  const byName = Object.fromEntries(scan.body.hosts.map((h) => [h.hostname, h]));
  assert.deepEqual(Object.keys(byName), ["home", "n00dles", "my-farm", "hacknet-server-0", "CSEC"]);
  assert.deepEqual(byName.n00dles, {
    hostname: "n00dles",
    maxRam: 4,
    usedRam: 3.6,
    cores: 1,
    purchased: false,
    hacknet: false,
    processes: [{ pid: foreign.pid, filename: "x.js", threads: 2, ramPerThread: 1.8, args: ["a", 1, true] }],
  });
  assert.deepEqual(byName.home.processes, [{ pid: ns.pid, filename: "bitalloc/agent.js", threads: 1, ramPerThread: 4.9, args: [] }]);
  assert.equal(byName.home.usedRam, 4.9);
  assert.deepEqual([byName["my-farm"].purchased, byName["my-farm"].hacknet], [true, false]);
  assert.deepEqual([byName["hacknet-server-0"].purchased, byName["hacknet-server-0"].hacknet], [false, true]);
  assert.equal(byName.home.purchased, false);
});

test("every call carries the bearer token and goes under /api/v1", async () => {
  const { game, bitalloc } = network();
  await runAgent(game, bitalloc, 5000);

  assert.ok(bitalloc.calls.length >= 4);
  for (const call of bitalloc.calls) {
    assert.equal(call.headers.Authorization, `Bearer ${TOKEN}`, `${call.method} ${call.path}`);
    assert.ok(call.prefixed, call.path);
  }
});

test("scans follow the poll period and the long poll asks to wait", async () => {
  const { game, bitalloc } = network();
  await runAgent(game, bitalloc, 10000);

  assert.deepEqual(bitalloc.callsTo("POST", "/scans").map((c) => c.at), [0, 2000, 4000, 6000, 8000]);
  const [poll] = bitalloc.callsTo("GET", "/agent/commands");
  assert.deepEqual(poll.query, { wait: "20000" });
});

test("a restarted agent keeps the game session; after pids start over it names a new one", async () => {
  delete globalThis.bitallocGameSession;
  const { game, bitalloc } = network();
  const first = await runAgent(game, bitalloc, game.clock + 1);
  game.killProcess(first.pid);
  game.spawnProcess("n00dles", "x.js"); // pids go on growing within a session
  const second = await runAgent(game, bitalloc, game.clock + 1);
  game.killProcess(second.pid);
  game.nextPid = 1; // an augmentation install: every script killed, pids from 1 again
  game.processes.clear();
  await runAgent(game, bitalloc, game.clock + 1);

  const sessions = bitalloc.callsTo("POST", "/scans").map((c) => c.body.session);
  assert.equal(sessions.length, 3);
  assert.equal(sessions[1], sessions[0]);
  assert.notEqual(sessions[2], sessions[0]);
  assert.ok(parseInt(sessions[2].slice(0, 12), 16) >= parseInt(sessions[0].slice(0, 12), 16), "later sessions compare higher");
});

test("the agent runs launch and kill commands and reports each pid or failure once, reading free RAM before exec", async () => {
  const { game, bitalloc } = network();
  const victim = game.spawnProcess("CSEC", "old.js", 1, [], 2);
  bitalloc.queueCommands(
    { id: "c1", type: "launch", hostname: "n00dles", filename: "bitalloc/weaken.js", threads: 2, args: ["joesguns", 0, "--allocId=a-1"] },
    { id: "c2", type: "launch", hostname: "n00dles", filename: "bitalloc/weaken.js", threads: 50, args: [] },
    { id: "c3", type: "kill", pid: victim.pid },
    { id: "c4", type: "kill", pid: 9999 },
    { id: "c5", type: "launch", hostname: "nowhere", filename: "bitalloc/weaken.js", threads: 1, args: [] },
    { id: "c6", type: "reboot" },
  );
  await runAgent(game, bitalloc, 6000);

  const results = resultsById(bitalloc);
  const launched = game.processes.get(results.c1.pid);
  assert.deepEqual(
    [launched.hostname, launched.filename, launched.threads, launched.args],
    ["n00dles", "bitalloc/weaken.js", 2, ["joesguns", 0, "--allocId=a-1"]],
  );
  assert.ok(game.server("n00dles").files.has("bitalloc/weaken.js"), "copied before exec");
  assert.equal(results.c2.failure, "not-enough-ram");
  assert.match(results.c2.detail, /n00dles has no room for bitalloc\/weaken.js x50 right now/, "checked before exec");
  assert.deepEqual(results.c3, { pid: victim.pid });
  assert.equal(game.processes.has(victim.pid), false);
  assert.deepEqual(results.c4, { failure: "no-such-process", detail: "no process with pid 9999" });
  assert.equal(results.c5.failure, "other");
  assert.match(results.c5.detail, /Invalid hostname/);
  assert.deepEqual(results.c6, { failure: "other", detail: 'unknown command type "reboot"' });
});

test("a task the agent launched shows in the scans after it with its --target= argument as given", async () => {
  const { game, bitalloc } = network();
  const args = ["--target=joesguns", "--weakenThreads=140", "--allocId=0b6f1c52-9d0e-4c8e-8f3a-2a1b3c4d5e6f"];
  bitalloc.queueCommands({ id: "c1", type: "launch", hostname: "home", filename: "bitalloc/till.js", threads: 1, args });
  await runAgent(game, bitalloc, 5000);

  const { pid } = resultsById(bitalloc).c1;
  const scan = bitalloc.callsTo("POST", "/scans").at(-1);
  const home = scan.body.hosts.find((h) => h.hostname === "home");
  const task = home.processes.find((p) => p.pid === pid);
  assert.deepEqual(task, { pid, filename: "bitalloc/till.js", threads: 1, ramPerThread: 3.9, args });
  assert.equal(task.args.find((arg) => arg.startsWith("--target=")), "--target=joesguns");
});

test("a result bitalloc could not take is sent again later and the command is not run twice", async () => {
  const { game, bitalloc } = network();
  bitalloc.reachable = (call) => !(call.path.endsWith("/result") && call.at < 5000);
  bitalloc.queueCommands({ id: "c1", type: "launch", hostname: "home", filename: "bitalloc/hack.js", threads: 1, args: ["n00dles", 0] });
  await runAgent(game, bitalloc, 12000);

  const results = resultsById(bitalloc);
  assert.ok(results.c1.pid > 0);
  assert.ok(bitalloc.unanswered.some((c) => c.path === "/agent/commands/c1/result"));
  assert.equal([...game.processes.values()].filter((p) => p.filename === "bitalloc/hack.js").length, 1);
});

test("while bitalloc is down the agent keeps scanning, backs off, then re-registers and catches up", async () => {
  const { game, bitalloc } = network();
  bitalloc.reachable = (call) => call.at >= 20000;
  await runAgent(game, bitalloc, 40000);

  assert.deepEqual(bitalloc.unanswered.map((c) => c.at), [0, 2000, 6000, 14000], "back-off doubles from the poll period");
  assert.equal(game.psCalls, 20 * 5, "ps of every rooted host with RAM, every poll, down or not");
  const [registration] = bitalloc.callsTo("POST", "/registrations");
  assert.equal(registration.at, 30000);
  assert.deepEqual(bitalloc.callsTo("POST", "/scans").map((c) => c.at), [30000, 32000, 34000, 36000, 38000]);
  assert.ok(game.logs.some((l) => l.text.includes("bitalloc unreachable at http://bitalloc.test:8420")));
  assert.ok(game.logs.some((l) => l.text.includes("reachable again")));
});

test("a wrong token is reported once in the log and retried with back-off", async () => {
  const { game, bitalloc } = network();
  bitalloc.respond = () => ({ status: 401, body: { type: "unauthorized", status: 401 } });
  await runAgent(game, bitalloc, 20000);

  assert.equal(game.logs.filter((l) => l.text.includes("refused the token (401)")).length, 1);
  assert.ok(bitalloc.calls.length <= 5, `${bitalloc.calls.length} calls in 20 s`);
});

test("a server that answers the long poll at once with nothing does not make the agent spin", async () => {
  const { game, bitalloc } = network();
  bitalloc.holdLongPolls = false;
  await runAgent(game, bitalloc, 10000);

  assert.ok(bitalloc.callsTo("GET", "/agent/commands").length <= 5);
});

test("the agent unregisters when it is killed", async () => {
  const { game, bitalloc } = network();
  const ns = await runAgent(game, bitalloc, 1);
  game.killProcess(ns.pid);
  await new Promise((resolve) => setImmediate(resolve));

  assert.deepEqual(bitalloc.callsTo("DELETE", "/registrations").map((c) => c.path), [`/registrations/home/${ns.pid}`]);
});

test("a launch the game refuses says why: no root, or a script missing there", async () => {
  const { game, bitalloc } = network();
  bitalloc.queueCommands(
    { id: "c1", type: "launch", hostname: "foodnstuff", filename: "bitalloc/weaken.js", threads: 1, args: [] },
    { id: "c2", type: "launch", hostname: "n00dles", filename: "nowhere.js", threads: 1, args: [] },
  );
  await runAgent(game, bitalloc, 3000);

  const results = resultsById(bitalloc);
  assert.equal(results.c1.failure, "no-root");
  assert.equal(results.c2.failure, "script-missing");
});

test("cores and servers' fixed numbers come from a probe run inside its own allocation, then reach the scan", async () => {
  const { game, bitalloc } = network();
  game.addServer("joesguns", { maxRam: 0, links: ["home"], security: 9, minSecurity: 5, money: 1000, maxMoney: 50000, requiredHackingLevel: 10, growth: 20 });
  game.hackingLevel = 42;
  game.behave("bitalloc/probe.js", {
    durationMs: () => 50,
    effect: (g, process) => {
      g.processes.set(process.pid, process);
      probeMain(g.nsFor(process.pid));
      g.processes.delete(process.pid);
    },
  });
  await runAgent(game, bitalloc, 8000);

  const [request] = bitalloc.callsExactly("POST", "/allocations");
  assert.equal(request.body.filename, "bitalloc/probe.js");
  assert.equal(request.body.chunkSize, 3.6);
  assert.equal(request.body.numChunks, 1);
  const [claimCall] = bitalloc.callsTo("POST", "/allocations/alloc-1/claims");
  assert.deepEqual(Object.keys(claimCall.body), ["tag", "pid", "hostname", "numChunks"]);
  assert.equal(claimCall.body.tag, "--allocId=alloc-1");
  assert.equal(bitalloc.callsTo("DELETE", "/allocations/alloc-1").length, 1, "released once read");
  const scans = bitalloc.callsTo("POST", "/scans");
  const coresIn = (scan) => Object.fromEntries(scan.body.hosts.map((h) => [h.hostname, h.cores]));
  assert.deepEqual(coresIn(scans[0]), { home: 1, n00dles: 1, "my-farm": 1, "hacknet-server-0": 1, CSEC: 1 });
  assert.deepEqual(coresIn(scans.at(-1)), { home: 4, n00dles: 1, "my-farm": 1, "hacknet-server-0": 3, CSEC: 1 });
  assert.deepEqual(scans[0].body.targets, []);
  assert.deepEqual(scans.at(-1).body.targets, [
    { hostname: "joesguns", security: 9, minSecurity: 5, money: 1000, maxMoney: 50000, requiredHackingLevel: 10, growth: 20 },
  ]);
  assert.deepEqual(scans.at(-1).body.player, { hackingLevel: 42 });
});

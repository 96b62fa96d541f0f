import { test } from "node:test";
import assert from "node:assert/strict";
import { main as tillMain } from "bitalloc/till.js";
import { main as sowMain } from "bitalloc/sow.js";
import { main as harvestMain, planBatch } from "bitalloc/harvest.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc } from "./support/fake-bitalloc.mjs";

/** home runs everything; joesguns is the target; helpers take their game time and change the target. */
function world(target) {
  const game = new FakeGame()
    .addServer("home", { maxRam: 256 })
    .addServer("joesguns", { maxRam: 16, links: ["home"], ...target });
  game.putShippedScripts("home");
  const ended = [];
  const server = game.server("joesguns");
  const delayOf = (p) => Number(p.args[1]) || 0;
  game.behave("bitalloc/weaken.js", {
    durationMs: (p) => 4000 + delayOf(p),
    effect: (g, p) => {
      ended.push({ at: g.clock, ...p });
      server.security = Math.max(server.minSecurity, server.security - 0.05 * p.threads);
    },
  });
  game.behave("bitalloc/grow.js", {
    durationMs: (p) => 3200 + delayOf(p),
    effect: (g, p) => {
      ended.push({ at: g.clock, ...p });
      server.money = Math.min(server.maxMoney, server.money * 3);
    },
  });
  game.behave("bitalloc/hack.js", {
    durationMs: (p) => 1000 + delayOf(p),
    effect: (g, p) => ended.push({ at: g.clock, ...p }),
  });
  return { game, bitalloc: new FakeBitalloc(game), ended };
}

function gaps(times) {
  return times.slice(1).map((t, i) => t - times[i]);
}

test("till heartbeats every 2 s from its first moment to its end while its weaken rounds run", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", ["joesguns", 20, "--allocId=task-1"]);
  await tillMain(ns, bitalloc.environment());

  const beats = bitalloc.callsTo("POST", "/heartbeats");
  assert.deepEqual(beats[0].body, { pid: ns.pid, filename: "bitalloc/till.js", target: "joesguns", lifecycle: "till" });
  assert.equal(beats[0].at, 0);
  assert.deepEqual(gaps(beats.map((b) => b.at)), Array(10).fill(2000));
  assert.equal(game.server("joesguns").security, 5);
});

test("till runs each weaken round in an allocation of its own, tagged with it, and gives it back", async () => {
  const { game, bitalloc, ended } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", ["joesguns", 20, "--allocId=task-1"]);
  await tillMain(ns, bitalloc.environment());

  const requests = bitalloc.callsExactly("POST", "/allocations");
  assert.equal(requests.length, 5);
  assert.deepEqual(requests[0].body, {
    requester: { pid: ns.pid, hostname: "home" },
    filename: "bitalloc/weaken.js",
    chunkSize: 1.75,
    numChunks: 20,
    contiguous: false,
    coreDependent: true,
    shrinkable: true,
    longRunning: false,
  });
  assert.deepEqual(ended.map((p) => p.args), [1, 2, 3, 4, 5].map((n) => ["joesguns", 0, `--allocId=alloc-${n}`]));
  assert.deepEqual(bitalloc.callsTo("DELETE", "/allocations/").map((c) => c.path), [1, 2, 3, 4, 5].map((n) => `/allocations/alloc-${n}`));
  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual(finished.body, { pid: ns.pid, filename: "bitalloc/till.js", target: "joesguns", lifecycle: "till", outcome: "completed", detail: null });
  assert.equal(finished.at, 20000);
});

test("a task whose helpers are refused says so in its finish report, so bitalloc can back off", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  bitalloc.grant = () => ({ status: 409, body: { type: "nothing-free", title: "No free RAM", status: 409 } });
  const ns = game.start("home", "bitalloc/till.js", ["joesguns", 20]);
  await tillMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.equal(finished.body.outcome, "helpers-refused");
  assert.equal(finished.body.detail, "HTTP 409: No free RAM");
});

test("a task that throws still gives its RAM back and reports the error", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", ["joesguns", 20]);
  ns.isRunning = () => {
    throw new Error("boom");
  };
  await tillMain(ns, bitalloc.environment());

  assert.equal(bitalloc.callsTo("DELETE", "/allocations/alloc-1").length, 1);
  assert.deepEqual(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "error");
});

test("a killed task gives back the allocations its helpers hold", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", ["joesguns", 20]);
  game.behave("bitalloc/weaken.js", {
    durationMs: () => 4000,
    effect: (g) => {
      g.server("joesguns").security = 5;
      g.killProcess(ns.pid);
    },
  });
  await assert.rejects(tillMain(ns, bitalloc.environment()), /ScriptDeath/);

  assert.ok(bitalloc.callsTo("DELETE", "/allocations/alloc-1").length >= 1);
});

test("sow runs grow with the weaken that cancels it until the money is at its maximum", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1000, maxMoney: 10000 });
  const ns = game.start("home", "bitalloc/sow.js", ["joesguns", 30, 3, "--allocId=task-2"]);
  await sowMain(ns, bitalloc.environment());

  const requests = bitalloc.callsExactly("POST", "/allocations").map((c) => [c.body.filename, c.body.chunkSize, c.body.numChunks]);
  assert.deepEqual(requests, [1, 2, 3].flatMap(() => [["bitalloc/grow.js", 1.75, 30], ["bitalloc/weaken.js", 1.75, 3]]));
  assert.deepEqual(ended.slice(0, 2).map((p) => [p.filename, p.at]), [["bitalloc/grow.js", 3200], ["bitalloc/weaken.js", 4000]]);
  assert.equal(game.server("joesguns").money, 10000);
  const beats = bitalloc.callsTo("POST", "/heartbeats").map((b) => b.at);
  assert.deepEqual(gaps(beats), Array(beats.length - 1).fill(2000));
  assert.equal(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "completed");
});

test("a harvest batch sizes hack, grow and weaken from the hack fraction and times them to land in order", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  const ns = game.start("home", "bitalloc/harvest.js", ["joesguns", 0.1, 1, "--allocId=task-3"]);
  await harvestMain(ns, bitalloc.environment());

  const requests = bitalloc.callsExactly("POST", "/allocations").map((c) => [c.body.filename, c.body.chunkSize, c.body.numChunks, c.body.coreDependent]);
  assert.deepEqual(requests, [
    ["bitalloc/weaken.js", 1.75, 4, true],
    ["bitalloc/grow.js", 1.75, 34, true],
    ["bitalloc/hack.js", 1.7, 10, false],
  ]);
  assert.deepEqual(ended.map((p) => [p.filename, p.at, p.args[1]]), [
    ["bitalloc/hack.js", 3600, 2600],
    ["bitalloc/grow.js", 3800, 600],
    ["bitalloc/weaken.js", 4000, 0],
  ]);
  assert.equal(bitalloc.callsTo("DELETE", "/allocations/").length, 3);
  assert.equal(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "completed");
});

test("harvest stops on a target that drifted out of shape and says why", async () => {
  const { game, bitalloc } = world({ security: 7, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  const ns = game.start("home", "bitalloc/harvest.js", ["joesguns", 0.1]);
  await harvestMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail], ["drifted", "security 7.00 > minimum 5 + 1"]);
  assert.equal(bitalloc.callsExactly("POST", "/allocations").length, 0);
});

test("a batch plan never asks for zero threads", () => {
  const { game } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  const ns = game.start("home", "bitalloc/harvest.js", ["joesguns", 0.001]);
  ns.hackAnalyze = () => 0.5;

  const plan = planBatch(ns, "joesguns", 0.001);
  assert.ok(plan.hackThreads >= 1 && plan.growThreads >= 1 && plan.weakenThreads >= 1, JSON.stringify(plan));
  ns.hackAnalyze = () => 0;
  assert.equal(planBatch(ns, "joesguns", 0.1), null);
});

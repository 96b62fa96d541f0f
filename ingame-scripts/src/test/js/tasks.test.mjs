import { test } from "node:test";
import assert from "node:assert/strict";
import { main as tillMain } from "bitalloc/till.js";
import { main as sowMain } from "bitalloc/sow.js";
import { main as harvestMain } from "bitalloc/harvest.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc } from "./support/fake-bitalloc.mjs";

// The arguments bitalloc's selector launches a task with (TaskPlan.args), then the allocation tag.
const TILL_ARGS = ["--target=joesguns", "--weakenThreads=20", "--allocId=task-1"];

/**
 * home runs everything; joesguns is the target; helpers take their game time and change the target: a hack
 * takes 1 % of the money per thread, a grow triples it, a weaken takes 0.05 security per thread.
 */
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
      server.security += 0.004 * p.threads;
    },
  });
  game.behave("bitalloc/hack.js", {
    durationMs: (p) => 1000 + delayOf(p),
    effect: (g, p) => {
      ended.push({ at: g.clock, ...p });
      server.money -= server.money * Math.min(1, 0.01 * p.threads);
      server.security += 0.002 * p.threads;
    },
  });
  return { game, bitalloc: new FakeBitalloc(game), ended };
}

function gaps(times) {
  return times.slice(1).map((t, i) => t - times[i]);
}

test("till heartbeats every 2 s from its first moment to its end while its weaken rounds run", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", TILL_ARGS);
  await tillMain(ns, bitalloc.environment());

  const beats = bitalloc.callsTo("POST", "/heartbeats");
  assert.deepEqual(beats[0].body, { pid: ns.pid, filename: "bitalloc/till.js", target: "joesguns", lifecycle: "till" });
  assert.equal(beats[0].at, 0);
  assert.deepEqual(gaps(beats.map((b) => b.at)), Array(10).fill(2000));
  assert.equal(game.server("joesguns").security, 5);
});

test("till runs each weaken round in an allocation of its own, tagged with it, and gives it back", async () => {
  const { game, bitalloc, ended } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", TILL_ARGS);
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

test("a task launched away from home copies its helper script from home before asking for RAM", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  game.addServer("my-farm", { maxRam: 64, purchased: true, links: ["home"] });
  for (const file of ["bitalloc/till.js", "bitalloc/task.js", "bitalloc/lib.js", "bitalloc/config.js"]) game.putScript("my-farm", file);
  const ns = game.start("my-farm", "bitalloc/till.js", TILL_ARGS);
  await tillMain(ns, bitalloc.environment());

  assert.ok(game.server("my-farm").files.has("bitalloc/weaken.js"));
  assert.equal(bitalloc.callsExactly("POST", "/allocations")[0].body.chunkSize, 1.75);
  assert.equal(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "completed");
});

test("a task whose helpers are refused says so in its finish report, so bitalloc can back off", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  bitalloc.grant = () => ({ status: 409, body: { type: "nothing-free", title: "No free RAM", status: 409 } });
  const ns = game.start("home", "bitalloc/till.js", TILL_ARGS.slice(0, 2));
  await tillMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.equal(finished.body.outcome, "helpers-refused");
  assert.equal(finished.body.detail, "HTTP 409: No free RAM");
});

test("a task that throws still gives its RAM back and reports the error", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", TILL_ARGS.slice(0, 2));
  ns.isRunning = () => {
    throw new Error("boom");
  };
  await tillMain(ns, bitalloc.environment());

  assert.equal(bitalloc.callsTo("DELETE", "/allocations/alloc-1").length, 1);
  assert.deepEqual(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "error");
});

test("a killed task gives back the allocations its helpers hold", async () => {
  const { game, bitalloc } = world({ security: 10, minSecurity: 5 });
  const ns = game.start("home", "bitalloc/till.js", TILL_ARGS.slice(0, 2));
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
  const ns = game.start("home", "bitalloc/sow.js", ["--target=joesguns", "--growThreads=30", "--weakenThreads=3", "--allocId=task-2"]);
  await sowMain(ns, bitalloc.environment());

  const requests = bitalloc.callsExactly("POST", "/allocations").map((c) => [c.body.filename, c.body.chunkSize, c.body.numChunks]);
  assert.deepEqual(requests, [1, 2, 3].flatMap(() => [["bitalloc/grow.js", 1.75, 30], ["bitalloc/weaken.js", 1.75, 3]]));
  assert.deepEqual(ended.slice(0, 2).map((p) => [p.filename, p.at]), [["bitalloc/grow.js", 3200], ["bitalloc/weaken.js", 4000]]);
  assert.equal(game.server("joesguns").money, 10000);
  const beats = bitalloc.callsTo("POST", "/heartbeats").map((b) => b.at);
  assert.deepEqual(gaps(beats), Array(beats.length - 1).fill(2000));
  assert.equal(bitalloc.callsTo("POST", "/tasks/finished")[0].body.outcome, "completed");
});


/** TaskPlan.HarvestPlan.args for a batch of 10 hack, 1 weaken, 4 grow, 1 weaken threads, then the tag. */
function harvestArgs(batches, spacingMs = 200) {
  return ["--target=joesguns", "--hackThreads=10", "--hackWeakenThreads=1", "--growThreads=4", "--growWeakenThreads=1",
    `--batches=${batches}`, `--spacingMs=${spacingMs}`, "--hackFraction=0.100000", "--allocId=3f2c9a4e-5b1d-4c7e-9a0b-1d2e3f4a5b6c"];
}

/** Allocations held at once at worst, from the requests and the DELETEs that gave them back. */
function mostAllocationsHeld(bitalloc) {
  const changes = bitalloc.calls
    .filter((c) => (c.method === "POST" && c.path === "/allocations") || (c.method === "DELETE" && c.path.startsWith("/allocations/")))
    .map((c) => (c.method === "POST" ? 1 : -1));
  let held = 0;
  let most = 0;
  for (const change of changes) most = Math.max(most, (held += change));
  return most;
}

test("harvest starts a batch every four spacings with the planned threads, at most `batches` in flight", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  let hacks = 0;
  const hackEffect = game.behaviours.get("bitalloc/hack.js").effect;
  game.behave("bitalloc/hack.js", {
    durationMs: (p) => 1000 + Number(p.args[1]),
    effect: (g, p) => {
      hackEffect(g, p);
      if (++hacks === 3) g.server("joesguns").security += 5; // another script's hacks, say
    },
  });
  const ns = game.start("home", "bitalloc/harvest.js", harvestArgs(3));
  await harvestMain(ns, bitalloc.environment());

  const requests = bitalloc.callsExactly("POST", "/allocations");
  assert.deepEqual(requests.slice(0, 4).map((c) => [c.body.filename, c.body.numChunks, c.body.coreDependent, c.body.shrinkable]), [
    ["bitalloc/weaken.js", 1, true, false],
    ["bitalloc/weaken.js", 1, true, false],
    ["bitalloc/grow.js", 4, true, false],
    ["bitalloc/hack.js", 10, false, false],
  ]);
  assert.deepEqual(requests.filter((c, i) => i % 4 === 0).map((c) => c.at), [0, 800, 1600, 4800, 5600]);
  assert.equal(mostAllocationsHeld(bitalloc), 3 * 4);
  const landings = ended.map((p) => [p.filename.replace("bitalloc/", ""), p.at, p.threads]);
  assert.deepEqual(landings.slice(0, 4), [["hack.js", 4100, 10], ["weaken.js", 4300, 1], ["grow.js", 4500, 4], ["weaken.js", 4700, 1]]);
  const batchLandings = [4100, 4900, 5700, 8900, 9700];
  assert.deepEqual(landings.map((l) => l[1]), batchLandings.flatMap((at) => [at, at + 200, at + 400, at + 600]));
  assert.deepEqual(bitalloc.callsTo("DELETE", "/allocations/").length, 20);

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail], ["drifted", "security 9.94 > minimum 5 + 1"]);
  assert.ok(finished.at >= 9700 + 600, "the batches in flight landed first");
  const beats = bitalloc.callsTo("POST", "/heartbeats").map((b) => b.at);
  assert.deepEqual(gaps(beats), Array(beats.length - 1).fill(2000));
});

test("harvest checks drift only between two batches' landings, so a busy pipeline runs until the money really drops", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  game.behave("bitalloc/grow.js", {
    durationMs: (p) => 3200 + Number(p.args[1]),
    effect: (g, p) => {
      ended.push({ at: g.clock, ...p });
      if (g.clock >= 20000) g.server("joesguns").money = 1; // a grow that fails to regrow
      else g.server("joesguns").money = g.server("joesguns").maxMoney;
    },
  });
  const ns = game.start("home", "bitalloc/harvest.js", harvestArgs(5));
  await harvestMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail], ["drifted", "money 1 < 99 % of 1000000"]);
  assert.ok(ended.filter((p) => p.filename === "bitalloc/hack.js").length >= 20, "ran batch after batch before");
  assert.equal(mostAllocationsHeld(bitalloc), 5 * 4);
  assert.equal(bitalloc.callsTo("DELETE", "/allocations/").length, bitalloc.callsExactly("POST", "/allocations").length);
});

test("harvest refused RAM for a batch lets the batches in flight land, gives everything back and says so", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  const granted = bitalloc.grant;
  bitalloc.grant = (body) =>
    bitalloc.callsExactly("POST", "/allocations").length > 8 ? { status: 409, body: { title: "No free RAM", status: 409 } } : granted(body);
  const ns = game.start("home", "bitalloc/harvest.js", harvestArgs(5));
  await harvestMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail, finished.at], ["helpers-refused", "HTTP 409: No free RAM", 5500]);
  assert.equal(ended.length, 8);
  assert.equal(bitalloc.callsTo("DELETE", "/allocations/").length, 8);
});

test("a harvest batch whose grow the game refuses starts no hack", async () => {
  const { game, bitalloc, ended } = world({ security: 5, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  game.addServer("locked", { maxRam: 64, root: false, links: ["home"] });
  const granted = bitalloc.grant;
  bitalloc.grant = (body) => {
    const answer = granted(body);
    if (body.filename === "bitalloc/grow.js") answer.body.hosts = [{ hostname: "locked", chunkSize: body.chunkSize, numChunks: body.numChunks }];
    return answer;
  };
  const ns = game.start("home", "bitalloc/harvest.js", harvestArgs(5));
  await harvestMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail], ["helpers-refused", "the game started 0 of 4 bitalloc/grow.js threads of a batch"]);
  assert.deepEqual(ended.map((p) => p.filename), ["bitalloc/weaken.js", "bitalloc/weaken.js"]);
  assert.equal(bitalloc.callsTo("DELETE", "/allocations/").length, 4);
});

test("harvest stops on a target that drifted out of shape and says why", async () => {
  const { game, bitalloc } = world({ security: 7, minSecurity: 5, money: 1e6, maxMoney: 1e6 });
  const ns = game.start("home", "bitalloc/harvest.js", harvestArgs(5));
  await harvestMain(ns, bitalloc.environment());

  const [finished] = bitalloc.callsTo("POST", "/tasks/finished");
  assert.deepEqual([finished.body.outcome, finished.body.detail], ["drifted", "security 7.00 > minimum 5 + 1"]);
  assert.equal(bitalloc.callsExactly("POST", "/allocations").length, 0);
});

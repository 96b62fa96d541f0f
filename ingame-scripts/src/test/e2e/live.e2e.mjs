// End to end against a real `bitalloc serve` (started by adapters-cli's LiveServeEndToEndTest, which passes
// BITALLOC_URL and BITALLOC_TOKEN): the shipped agent, probe and till.js run on a fake game with real fetch and
// real time. Scan in, allocation, launch command, pid back, heartbeat, and the status shows it.
//   BITALLOC_URL=... BITALLOC_TOKEN=... node --import ./src/test/js/support/register-game-paths.mjs --test src/test/e2e/live.e2e.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { main as agentMain } from "bitalloc/agent.js";
import { main as probeMain } from "bitalloc/probe.js";
import { main as tillMain } from "bitalloc/till.js";
import { FakeGame } from "../js/support/fake-game.mjs";

const BASE_URL = process.env.BITALLOC_URL;
const TOKEN = process.env.BITALLOC_TOKEN;
const PATIENCE_MS = 20000;

/** The fake game in real time: sleeping scripts wait for real, and the game's clock moves with them. */
function realTime(game, ns) {
  const pause = async (ms) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    game.advance(Math.max(0, ms));
    return true;
  };
  ns.sleep = pause;
  ns.asleep = pause;
  return ns;
}

async function api(method, path, body) {
  const init = { method, headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${BASE_URL}/api/v1${path}`, init);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Waits (bounded) until check() answers something truthy, and answers it. */
async function eventually(what, check) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) {
      const [status, targets] = [await api("GET", "/status"), await api("GET", "/targets")];
      throw new Error(`gave up waiting for ${what}; status ${JSON.stringify(status.json)}; targets ${JSON.stringify(targets.json)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("a live game: the agent's scan, the probe's allocation, the selector's launch, the task's heartbeat and helpers", { skip: !BASE_URL }, async () => {
  delete globalThis.bitallocGameSession;
  const game = new FakeGame()
    .addServer("home", { maxRam: 64, cores: 2 })
    .addServer("n00dles", { maxRam: 4, links: ["home"], security: 9, minSecurity: 1, money: 70000, maxMoney: 1750000, requiredHackingLevel: 1, growth: 3000 })
    .addServer("my-farm", { maxRam: 32, purchased: true, links: ["home"] });
  game.putShippedScripts("home");
  game.hackingLevel = 20;
  game.behave("bitalloc/probe.js", {
    durationMs: () => 10,
    effect: (g, process) => {
      g.processes.set(process.pid, process);
      probeMain(g.nsFor(process.pid));
      g.processes.delete(process.pid);
    },
  });
  game.behave("bitalloc/weaken.js", {
    durationMs: () => 300,
    effect: (g, process) => {
      const target = g.server(String(process.args[0]));
      target.security = Math.max(target.minSecurity, target.security - 0.05 * process.threads);
    },
  });
  const env = { fetch: (url, init) => globalThis.fetch(url, init), baseUrl: BASE_URL, token: TOKEN, now: () => Date.now() };
  let running = true;
  const agentNs = realTime(game, game.start("home", "bitalloc/agent.js"));
  const agent = agentMain(agentNs, { ...env, pollMs: 250, longPollMs: 1000, keepRunning: () => running });
  const tasks = [];
  const started = new Set();
  // The game runs what the agent starts: each new till.js process runs the shipped script.
  const runner = setInterval(() => {
    for (const process of game.processes.values()) {
      if (process.filename === "bitalloc/till.js" && !started.has(process.pid)) {
        started.add(process.pid);
        const ns = realTime(game, game.nsFor(process.pid));
        // Like the game: the process ends when its main returns.
        tasks.push(tillMain(ns, { ...env, heartbeatMs: 500, helperCheckMs: 50 }).finally(() => game.killProcess(process.pid)));
      }
    }
  }, 10);

  try {
    // Scan in: every rooted host with RAM is in the ledger.
    const status = await eventually("the first scan", async () => {
      const answer = await api("GET", "/status");
      return answer.json.hosts.length === 3 ? answer.json : null;
    });
    assert.deepEqual(status.hosts.map((h) => h.hostname).sort(), ["home", "my-farm", "n00dles"]);
    assert.ok(status.totalFree > 0);

    // The probe told n00dles' fixed numbers, the scan carried it as a target, the selector launched till.js
    // through the agent's long poll, and the agent answered its pid.
    const till = await eventually("a till.js process", () => [...game.processes.values()].find((p) => p.filename === "bitalloc/till.js"));
    assert.ok(till.args.includes("--target=n00dles"), JSON.stringify(till.args));
    assert.ok(till.args.some((arg) => arg.startsWith("--allocId=")), "the task runs inside its own allocation");

    // The task's heartbeat confirmed it: the target is active with that pid.
    const active = await eventually("n00dles active", async () => {
      const targets = (await api("GET", "/targets")).json.targets;
      return targets.find((t) => t.target === "n00dles" && t.phase === "active" && t.pid === till.pid);
    });
    assert.equal(active.lifecycle, "till");

    // Its weaken helpers run in allocations of their own; the status shows RAM allocated.
    await eventually("RAM allocated to the task and its helpers", async () => {
      const hosts = (await api("GET", "/status")).json.hosts;
      const weakens = [...game.processes.values()].filter((p) => p.filename === "bitalloc/weaken.js");
      return weakens.length > 0 && hosts.some((h) => h.allocated > 0);
    });

    // The till finishes (security at its minimum) and reports it; its own allocation is given back.
    await eventually("the till to finish", () => !game.processes.has(till.pid) && tasks.length > 0);
    assert.equal(game.server("n00dles").security, 1);
    const refused = await api("POST", `/allocations/00000000-0000-4000-8000-000000000000/claims`, {
      tag: "--allocId=00000000-0000-4000-8000-000000000000", pid: till.pid, hostname: "home", numChunks: 1,
    });
    assert.equal(refused.status, 404);
  } finally {
    running = false;
    clearInterval(runner);
    game.killProcess(agentNs.pid);
    await Promise.allSettled([agent, ...tasks]);
  }
});

// RAM: 4.90 GB = 1.60 base + exec 1.30 + scp 0.60 + kill 0.50 + scan 0.20 + ps 0.20 + getScriptRam 0.10
//      + getServerSecurityLevel 0.10 + getServerMoneyAvailable 0.10 + getServerMaxRam 0.05
//      + getServerUsedRam 0.05 + hasRootAccess 0.05 + getHackingLevel 0.05 (fetch, asleep, self, read,
//      readPort, clearPort, atExit, print are free; cores and each server's fixed numbers come from probe.js,
//      which runs in its own RAM and pays getServer's 2 GB only while it runs).
//
// bitalloc's in-game agent: `run bitalloc/agent.js` on home. It registers itself, sends one scan of every
// rooted host per poll (with each money server's security and money and the player's hacking level), runs the
// launch and kill commands bitalloc long-polls to it and reports the pids. When bitalloc is down it keeps
// scanning and retries with back-off.
import {
  callBitalloc, claim, environmentOf, execWithFiles, ram2, randomId, registerSelf, releaseAllocation,
  requestAllocation, tagArgs, unregister, useEnvironment,
} from "bitalloc/lib.js";

const PROBE_SCRIPT = "bitalloc/probe.js";
const PROBE_PORT_BASE = 842000000;
const HACKNET_PREFIX = "hacknet-server-";
// Every server the game creates itself (2.8). Purchased servers can have any other name but none of these
// (the game refuses a taken name), so this tells them apart without getPurchasedServers (1.05 GB).
const WORLD_SERVERS = new Set((
  ". 4sigma CSEC I.I.I.I The-Cave aerocorp aevum-police alpha-ent applied-energetics avmnite-02h b-and-a blade " +
  "catalyst clarkinc computek crush-fitness darkweb defcomm deltaone ecorp foodnstuff fulcrumassets fulcrumtech " +
  "galactic-cyber global-pharm harakiri-sushi helios hong-fang-tea icarus infocomm iron-gym joesguns johnson-ortho " +
  "kuai-gong lexo-corp max-hardware megacorp microdyne millenium-fitness n00dles nectar-net neo-net netlink " +
  "nova-med nwo omega-net omnia omnitek phantasy powerhouse-fitness rho-construction rothman-uni run4theh111z " +
  "sigma-cosmetics silver-helix snap-fitness solaris stormtech summit-uni syscore taiyang-digital the-hub " +
  "titan-labs unitalife univ-energy vitalife w0r1d_d43m0n zb-def zb-institute zer0 zeus-med home").split(" "));

const DEFAULTS = {
  pollMs: 2000, // one scan per poll
  longPollMs: 20000, // how long bitalloc may hold GET /agent/commands
  maxBackoffMs: 30000, // cap of the retry delay while bitalloc is down
  probeEveryMs: 300000, // cores change only on upgrades
  probeRetryMs: 30000, // sooner while some host's cores are unknown
  probeTimeoutMs: 10000,
};

/** ns.args: none. A second parameter (tests only) overrides the environment, see lib.js useEnvironment. */
export async function main(ns, overrides) {
  if (overrides) useEnvironment(ns, overrides);
  ns.disableLog("ALL");
  const agent = newAgent(ns);
  ns.atExit(() => {
    unregister(ns, agent.me.server, agent.me.pid);
    if (agent.probe) releaseAllocation(ns, agent.probe.allocationId);
  });
  ns.print(`bitalloc agent pid ${agent.me.pid} on ${agent.me.server}, session ${agent.session}, talking to ${agent.env.baseUrl}`);
  while (agent.env.keepRunning()) await agentCycle(agent);
}

function newAgent(ns) {
  const env = environmentOf(ns);
  return {
    ns,
    env,
    knobs: Object.assign({}, DEFAULTS, env),
    me: ns.self(),
    session: gameSession(ns.pid),
    registered: false,
    failures: 0,
    nextContactAt: 0,
    lastProblem: "",
    poll: null,
    pollAnswers: [],
    pollsThisCycle: 0,
    lastPollHadCommands: false,
    commands: [],
    unsentResults: [],
    copied: new Set(),
    facts: new Map(),
    probe: null,
    lastProbeAt: -Infinity,
  };
}

/**
 * The game session this agent runs in, as bitalloc names it: the same for every agent started in this page until
 * pids start over (a reload, or an augmentation install, which kills every script and restarts pids at 1; a pid
 * not above the highest seen means that happened). 12 hex digits of the session's start in ms, so a later session
 * compares higher, then 20 random ones.
 */
export function gameSession(ownPid) {
  const kept = globalThis.bitallocGameSession;
  if (kept && ownPid > kept.highestPid) return kept.id;
  const id = Date.now().toString(16).padStart(12, "0").slice(-12) + randomId().slice(0, 20);
  globalThis.bitallocGameSession = { id, highestPid: ownPid };
  return id;
}

function notePids(agent, hosts) {
  const kept = globalThis.bitallocGameSession;
  if (!kept || kept.id !== agent.session) return;
  for (const host of hosts) for (const process of host.processes) kept.highestPid = Math.max(kept.highestPid, process.pid);
}

/** One poll: scan, talk to bitalloc if not backing off, then serve commands until the poll period ends. */
async function agentCycle(agent) {
  const { ns, env } = agent;
  const cycleStart = env.now();
  agent.pollsThisCycle = 0;
  const { hosts, targets, rooted } = scanNetwork(ns, agent.facts);
  notePids(agent, hosts);
  const scan = { session: agent.session, hosts, player: { hackingLevel: ns.getHackingLevel() }, targets };
  if (contactAllowed(agent) && !agent.registered) agent.registered = noteAnswer(agent, await registerSelf(ns), "register");
  if (contactAllowed(agent)) noteAnswer(agent, await callBitalloc(ns, "POST", "/scans", scan), "scan");
  if (contactAllowed(agent)) await refreshFacts(agent, rooted);
  for (;;) {
    await executeCommands(agent);
    const remaining = cycleStart + agent.knobs.pollMs - env.now();
    if (remaining <= 0 || !env.keepRunning()) return;
    startLongPoll(agent);
    await Promise.race(agent.poll ? [ns.asleep(remaining), agent.poll] : [ns.asleep(remaining)]);
  }
}

/**
 * Every rooted host with RAM, found by a breadth-first walk from home, in the shape POST /scans expects, and every
 * rooted server that holds money as a target (once the probe has told its fixed numbers). RAM per thread is the
 * script's static cost on that host, read once per (host, script) per scan. Answers {hosts, targets, rooted}.
 */
export function scanNetwork(ns, factsByHost = new Map()) {
  const hosts = [];
  const targets = [];
  const rooted = [];
  const seen = new Set(["home"]);
  const queue = ["home"];
  while (queue.length > 0) {
    const hostname = queue.shift();
    for (const neighbour of ns.scan(hostname)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
    if (!ns.hasRootAccess(hostname)) continue;
    rooted.push(hostname);
    const facts = factsByHost.get(hostname);
    if (facts && facts.maxMoney > 0) {
      targets.push({
        hostname,
        security: ns.getServerSecurityLevel(hostname),
        minSecurity: facts.minSecurity,
        money: ns.getServerMoneyAvailable(hostname),
        maxMoney: facts.maxMoney,
        requiredHackingLevel: facts.requiredHackingLevel,
        growth: facts.growth,
      });
    }
    const maxRam = ns.getServerMaxRam(hostname);
    if (maxRam <= 0) continue;
    const ramOfScript = new Map();
    const processes = ns.ps(hostname).map((process) => {
      if (!ramOfScript.has(process.filename)) ramOfScript.set(process.filename, ns.getScriptRam(process.filename, hostname));
      return {
        pid: process.pid,
        filename: process.filename,
        threads: process.threads,
        ramPerThread: ram2(ramOfScript.get(process.filename)),
        args: process.args,
      };
    });
    hosts.push({
      hostname,
      maxRam: ram2(maxRam),
      usedRam: ram2(ns.getServerUsedRam(hostname)),
      cores: (facts && facts.cores) || 1,
      purchased: !WORLD_SERVERS.has(hostname) && !hostname.startsWith(HACKNET_PREFIX),
      "hacknet": hostname.startsWith(HACKNET_PREFIX),
      processes,
    });
  }
  return { hosts, targets, rooted };
}

function contactAllowed(agent) {
  return agent.env.now() >= agent.nextContactAt;
}

/** Success resets the back-off (and re-registers after an outage: bitalloc may have restarted). */
function noteAnswer(agent, answer, what) {
  const { ns, env } = agent;
  if (answer.ok) {
    if (agent.failures > 0) {
      ns.print(`bitalloc is reachable again (${what})`);
      agent.registered = what === "register";
    }
    agent.failures = 0;
    agent.nextContactAt = 0;
    agent.lastProblem = "";
    return true;
  }
  agent.failures++;
  const delay = Math.min(agent.knobs.pollMs * 2 ** (agent.failures - 1), agent.knobs.maxBackoffMs);
  agent.nextContactAt = env.now() + delay;
  const problem = answer.status === 401 ? "bitalloc refused the token (401): set BITALLOC_TOKEN in bitalloc/config.js"
    : answer.status === 0 ? `bitalloc unreachable at ${env.baseUrl}: ${answer.error}`
    : `bitalloc answered ${answer.status} to ${what}: ${JSON.stringify(answer.json)}`;
  if (problem !== agent.lastProblem) ns.print(`${problem}; retrying in ${delay} ms (scans go on)`);
  agent.lastProblem = problem;
  return false;
}

/**
 * Keeps one GET /agent/commands in flight. A second one in the same poll only if the last one brought
 * commands, so a server that answers at once cannot make this loop spin.
 */
function startLongPoll(agent) {
  if (agent.poll || !contactAllowed(agent)) return;
  if (agent.pollsThisCycle > 0 && !agent.lastPollHadCommands) return;
  agent.pollsThisCycle++;
  const { ns, knobs } = agent;
  const path = `/agent/commands?wait=${knobs.longPollMs}`;
  agent.poll = callBitalloc(ns, "GET", path, undefined, knobs.longPollMs + 5000).then((answer) => {
    // No NS call in here: the script may have been killed meanwhile. executeCommands reads it.
    agent.poll = null;
    agent.pollAnswers.push(answer);
  });
}

function commandsIn(json) {
  if (Array.isArray(json)) return json;
  return json && Array.isArray(json.commands) ? json.commands : [];
}

async function executeCommands(agent) {
  for (const answer of agent.pollAnswers.splice(0)) {
    const received = answer.ok ? commandsIn(answer.json) : [];
    agent.lastPollHadCommands = received.length > 0;
    agent.commands.push(...received);
    noteAnswer(agent, answer, "commands");
  }
  while (agent.commands.length > 0) {
    const command = agent.commands.shift();
    agent.unsentResults.push({ id: command.id, result: executeCommand(agent, command) });
  }
  while (agent.unsentResults.length > 0 && contactAllowed(agent)) {
    const { id, result } = agent.unsentResults[0];
    const answer = await callBitalloc(agent.ns, "POST", `/agent/commands/${encodeURIComponent(id)}/result`, result);
    if (answer.status === 0 || answer.status >= 500) {
      noteAnswer(agent, answer, "command result");
      return; // kept for the next try; the command itself is never run twice
    }
    agent.unsentResults.shift();
    if (!answer.ok) agent.ns.print(`bitalloc did not take the result of command ${id}: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
}

/**
 * Runs one command and answers {pid} or {failure, detail}: failure is not-enough-ram, script-missing, no-root,
 * no-such-process or other, so bitalloc can tell a RAM clash (back off) from the rest.
 */
export function executeCommand(agent, command) {
  const { ns } = agent;
  try {
    if (command.type === "launch") {
      const threads = command.threads === undefined ? 1 : command.threads;
      const scriptArgs = Array.isArray(command.args) ? command.args : [];
      // Read and exec in one synchronous block that no script can interleave (BITBURNER.md §8): RAM a player's
      // script took since the last scan is seen here instead of making the game refuse the exec.
      const perThread = ns.getScriptRam(command.filename, agent.me.server);
      if (perThread > 0 && ns.hasRootAccess(command.hostname)
          && perThread * threads > ns.getServerMaxRam(command.hostname) - ns.getServerUsedRam(command.hostname) + 0.001) {
        return { failure: "not-enough-ram", detail: `${command.hostname} has no room for ${command.filename} x${threads} right now` };
      }
      const pid = execWithFiles(ns, agent.copied, command.filename, command.hostname, threads, scriptArgs);
      if (pid > 0) return { pid };
      return {
        failure: whyNotStarted(ns, command.filename, command.hostname, threads),
        detail: `the game refused to start ${command.filename} x${threads} on ${command.hostname}`,
      };
    }
    if (command.type === "kill") {
      return ns.kill(command.pid) ? { pid: command.pid } : { failure: "no-such-process", detail: `no process with pid ${command.pid}` };
    }
    return { failure: "other", detail: `unknown command type ${JSON.stringify(command.type)}` };
  } catch (thrown) {
    return { failure: "other", detail: String((thrown && thrown.message) || thrown) };
  }
}

/** exec's checks in the game's order (BITBURNER.md §1), read after it answered 0. */
function whyNotStarted(ns, filename, hostname, threads) {
  const perThread = ns.getScriptRam(filename, hostname);
  if (perThread <= 0) return "script-missing";
  if (!ns.hasRootAccess(hostname)) return "no-root";
  const free = ns.getServerMaxRam(hostname) - ns.getServerUsedRam(hostname);
  return perThread * threads > free + 0.001 ? "not-enough-ram" : "other";
}

/**
 * Cores and a server's fixed numbers (minimum security, maximum money, required hacking level, growth) are only
 * visible through getServer (2 GB), so a one-shot probe.js reads them inside an allocation of its own and writes
 * them to a port; until it answers, hosts report 1 core (the game's minimum) and no targets are sent.
 */
async function refreshFacts(agent, rooted) {
  const { ns, env, knobs } = agent;
  if (agent.probe) {
    const answer = ns.readPort(agent.probe.port);
    if (answer !== "NULL PORT DATA" || env.now() >= agent.probe.deadline) {
      if (answer !== "NULL PORT DATA") {
        for (const [hostname, facts] of Object.entries(JSON.parse(answer))) agent.facts.set(hostname, facts);
      }
      await releaseAllocation(ns, agent.probe.allocationId);
      agent.probe = null;
    }
    return;
  }
  const unknown = rooted.some((hostname) => !agent.facts.has(hostname));
  const sinceLastProbe = env.now() - agent.lastProbeAt;
  if (sinceLastProbe < (unknown ? knobs.probeRetryMs : knobs.probeEveryMs)) return;
  agent.lastProbeAt = env.now();
  const chunkSize = ns.getScriptRam(PROBE_SCRIPT, agent.me.server);
  if (chunkSize <= 0) return;
  const grant = await requestAllocation(ns, { filename: PROBE_SCRIPT, chunkSize, numChunks: 1 });
  if (!grant.ok || grant.hosts.length === 0) return;
  const target = grant.hosts[0].hostname;
  const port = PROBE_PORT_BASE + (agent.me.pid % 1000000);
  ns.clearPort(port);
  const pid = execWithFiles(ns, agent.copied, PROBE_SCRIPT, target, 1, [port, ...rooted, ...tagArgs(grant.tag)]);
  if (pid === 0) {
    await releaseAllocation(ns, grant.allocationId);
    return;
  }
  await claim(ns, grant.allocationId, grant.tag, pid, target, 1);
  agent.probe = { port, allocationId: grant.allocationId, deadline: env.now() + knobs.probeTimeoutMs };
}

// Shared client of the bitalloc HTTP API. Imported by agent.js, launch.js and task.js.
// NS functions named here: exec 1.30, scp 0.60, getScriptRam 0.10 (every importer uses them anyway);
// self, read, args, pid, print and tprint are free. fetch is free; the browser DOM globals cost 25 GB each.
import { BITALLOC_URL, BITALLOC_TOKEN } from "bitalloc/config.js";

export const API_PREFIX = "/api/v1";
export const TAG_FLAG = "--allocId";

const environments = new WeakMap();

/**
 * Overrides how this script reaches bitalloc: {fetch, now, baseUrl, token, ...script knobs}.
 * The game never calls it; tests and embedders do.
 */
export function useEnvironment(ns, overrides) {
  environments.set(ns, Object.assign(defaultEnvironment(), overrides || {}));
}

export function environmentOf(ns) {
  if (!environments.has(ns)) environments.set(ns, defaultEnvironment());
  return environments.get(ns);
}

function defaultEnvironment() {
  return {
    fetch: (url, init) => globalThis.fetch(url, init),
    now: () => Date.now(),
    baseUrl: BITALLOC_URL,
    token: BITALLOC_TOKEN,
    keepRunning: () => true,
  };
}

/** RAM in GB with two decimals, as the game shows it and bitalloc parses it. */
export function ram2(gb) {
  return Math.round(gb * 100) / 100;
}

/**
 * One call to bitalloc. Never throws: a network failure comes back as {ok: false, status: 0, error}.
 * The bearer token goes on every call, so any call may change state safely.
 */
export async function callBitalloc(ns, method, path, body, timeoutMs = 10000) {
  const env = environmentOf(ns);
  const headers = { Accept: "application/json" };
  if (env.token) headers.Authorization = "Bearer " + env.token;
  const init = { method, headers, signal: AbortSignal.timeout(timeoutMs) };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  try {
    const response = await env.fetch(String(env.baseUrl).replace(new RegExp("/+$"), "") + API_PREFIX + path, init);
    const text = await response.text();
    return { ok: response.ok, status: response.status, json: parseJson(text) };
  } catch (failure) {
    return { ok: false, status: 0, json: null, error: String((failure && failure.message) || failure) };
  }
}

function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return null;
  }
}

export function requester(ns) {
  return { pid: ns.pid, hostname: ns.self().server };
}

/**
 * POST /allocations. request: {filename, chunkSize (GB), numChunks, contiguous, coreDependent, shrinkable,
 * longRunning}. Answers {ok: true, allocationId, tag, hosts: [{hostname, chunkSize, numChunks}]} or
 * {ok: false, status, problem, error}.
 */
export async function requestAllocation(ns, request) {
  const body = {
    requester: requester(ns),
    filename: request.filename,
    chunkSize: ram2(request.chunkSize),
    numChunks: request.numChunks,
    contiguous: Boolean(request.contiguous),
    coreDependent: Boolean(request.coreDependent),
    shrinkable: Boolean(request.shrinkable),
    longRunning: Boolean(request.longRunning),
  };
  const answer = await callBitalloc(ns, "POST", "/allocations", body);
  const grant = answer.json;
  if (answer.ok && grant && grant.allocationId && Array.isArray(grant.hosts)) {
    return { ok: true, status: answer.status, allocationId: grant.allocationId, tag: grant.tag || grant.allocationId, hosts: grant.hosts };
  }
  return { ok: false, status: answer.status, problem: grant, error: answer.error };
}

/**
 * POST /allocations/{id}/claims {tag, pid, hostname, numChunks}: that process runs inside the grant on that host.
 * The tag is the one bitalloc answered with the grant; a tag of another allocation is refused as forged.
 */
export async function claim(ns, allocationId, tag, pid, hostname, numChunks) {
  return callBitalloc(ns, "POST", `/allocations/${encodeURIComponent(allocationId)}/claims`, { tag: String(tag), pid, hostname, numChunks });
}

/** DELETE /allocations/{id}/claims/{pid}. */
export async function releaseClaim(ns, allocationId, pid) {
  return callBitalloc(ns, "DELETE", `/allocations/${encodeURIComponent(allocationId)}/claims/${pid}`);
}

/** POST /allocations/{id}/release-chunks {hostname, numChunks}: give back chunks no process will use. */
export async function releaseChunks(ns, allocationId, hostname, numChunks) {
  return callBitalloc(ns, "POST", `/allocations/${encodeURIComponent(allocationId)}/release-chunks`, { hostname, numChunks });
}

/** DELETE /allocations/{id}. */
export async function releaseAllocation(ns, allocationId) {
  return callBitalloc(ns, "DELETE", `/allocations/${encodeURIComponent(allocationId)}`);
}

/** POST /registrations {hostname, pid, filename, ram}: a core service declares the RAM it already holds. */
export async function registerSelf(ns) {
  const me = ns.self();
  return callBitalloc(ns, "POST", "/registrations", {
    hostname: me.server,
    pid: me.pid,
    filename: me.filename,
    ram: ram2(me.ramUsage * me.threads),
  });
}

/** DELETE /registrations/{hostname}/{pid}. Makes no NS call, so an atExit handler can use it. */
export async function unregister(ns, hostname, pid) {
  return callBitalloc(ns, "DELETE", `/registrations/${encodeURIComponent(hostname)}/${pid}`);
}

/** POST /heartbeats {pid, filename, target, lifecycle}. */
export async function heartbeat(ns, target, lifecycle) {
  return callBitalloc(ns, "POST", "/heartbeats", { pid: ns.pid, filename: ns.self().filename, target, lifecycle });
}

/** POST /tasks/finished {pid, filename, target, lifecycle, outcome, detail}. */
export async function taskFinished(ns, target, lifecycle, outcome, detail) {
  return callBitalloc(ns, "POST", "/tasks/finished", {
    pid: ns.pid,
    filename: ns.self().filename,
    target,
    lifecycle,
    outcome,
    detail: detail === undefined ? null : String(detail),
  });
}

/** The argument that carries an allocation's tag to a child, from the `tag` string bitalloc answered. */
export function tagArgs(tag) {
  const text = String(tag);
  return [text.startsWith(TAG_FLAG + "=") ? text : TAG_FLAG + "=" + text];
}

/**
 * The tag args this script must pass to children that run inside its own allocation:
 * its own `--allocId=<id>` (or `--allocId <id>`), always in the one-argument form; [] when untagged.
 */
export function inheritAllocatorArgs(ns) {
  const own = ns.args;
  for (let i = 0; i < own.length; i++) {
    const arg = own[i];
    if (typeof arg !== "string") continue;
    if (arg.startsWith(TAG_FLAG + "=")) return [arg];
    if (arg === TAG_FLAG && i + 1 < own.length) return [TAG_FLAG + "=" + own[i + 1]];
  }
  return [];
}

/** The script's arguments with any tag (either form) taken out. */
export function withoutTag(scriptArgs) {
  const kept = [];
  for (let i = 0; i < scriptArgs.length; i++) {
    const arg = scriptArgs[i];
    if (arg === TAG_FLAG) {
      i++;
      continue;
    }
    if (typeof arg === "string" && arg.startsWith(TAG_FLAG + "=")) continue;
    kept.push(arg);
  }
  return kept;
}

/** One line a player can act on: the refusal's type, title, detail and numbers, or the network error. */
export function describeRefusal(answer) {
  if (answer.status === 0) return `bitalloc unreachable (${answer.error || "no answer"})`;
  const problem = answer.problem && typeof answer.problem === "object" ? answer.problem : {};
  const words = [problem.title || problem.type || "refused"];
  if (problem.detail) words.push(problem.detail);
  const numbers = Object.keys(problem)
    .filter((key) => !["type", "title", "detail", "status", "instance"].includes(key))
    .map((key) => `${key}=${JSON.stringify(problem[key])}`);
  if (numbers.length > 0) words.push("(" + numbers.join(", ") + ")");
  return `HTTP ${answer.status}: ${words.join(": ")}`;
}

/** The script and every script it imports (resolved from the root, as the game does), read on this host. */
export function scriptWithImports(ns, filename) {
  const found = [];
  const pending = [normalisePath(filename)];
  const importPattern = new RegExp("(?:from|import)\\s*\\(?\\s*[\"']([^\"']+)[\"']", "g");
  while (pending.length > 0) {
    const file = pending.shift();
    if (found.includes(file)) continue;
    found.push(file);
    for (const match of String(ns.read(file) || "").matchAll(importPattern)) {
      if (!match[1].startsWith("http:") && !match[1].startsWith("https:")) pending.push(normalisePath(match[1]));
    }
  }
  return found;
}

function normalisePath(path) {
  const bare = path.replace(new RegExp("^\\.?/+"), "");
  return bare.includes(".") && !bare.endsWith(".") ? bare : bare + ".js";
}

/**
 * ns.exec on any host, copying the script and its imports there first (once per `copied` set, and again
 * if the game refuses because the file is missing). Answers the pid, 0 when the game refused.
 */
export function execWithFiles(ns, copied, filename, hostname, threads, scriptArgs) {
  const here = ns.self().server;
  const copyKey = hostname + "\n" + filename;
  if (hostname !== here && !copied.has(copyKey)) {
    ns.scp(scriptWithImports(ns, filename), hostname, here);
    copied.add(copyKey);
  }
  let pid = ns.exec(filename, hostname, threads, ...scriptArgs);
  if (pid === 0 && hostname !== here) {
    if (ns.scp(scriptWithImports(ns, filename), hostname, here)) pid = ns.exec(filename, hostname, threads, ...scriptArgs);
  }
  return pid;
}

/** A random 128-bit id (hex); crypto.getRandomValues works outside secure contexts too. */
export function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

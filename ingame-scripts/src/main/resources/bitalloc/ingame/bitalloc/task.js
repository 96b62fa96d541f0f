// What till.js, sow.js and harvest.js share: heartbeats, helpers run inside allocations of their own, release,
// the finish report. NS functions named here: isRunning 0.10 (plus lib.js's exec, scp, getScriptRam).
import {
  claim, environmentOf, execWithFiles, heartbeat, releaseAllocation, releaseChunks, requestAllocation,
  tagArgs, taskFinished, useEnvironment, withoutTag, describeRefusal,
} from "bitalloc/lib.js";

const HOME = "home";

const DEFAULTS = {
  heartbeatMs: 2000, // bitalloc's heartbeat timeout is 3 s
  helperCheckMs: 500, // how often running helpers are looked for
};

/** What each kind of task argument accepts, and how a problem names it. */
const ARGUMENT_KINDS = {
  host: { shape: "<host>", parse: (text) => (text.trim() === "" ? undefined : text) },
  count: { shape: "<whole number ≥ 1>", parse: (text) => readCount(text) },
  fraction: { shape: "<number in (0, 1]>", parse: (text) => readFraction(text) },
};

function readCount(text) {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= 1 && Number.isSafeInteger(value) ? value : undefined;
}

function readFraction(text) {
  if (!/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 && value <= 1 ? value : undefined;
}

/**
 * Reads the named arguments bitalloc's selector launches a task with, `--name=value` each, the allocation tag
 * left out. expected maps each name to a kind of ARGUMENT_KINDS; every one is required. Answers
 * {values: {name: value}, problem: "" or one sentence naming every unknown, repeated, malformed or missing one}.
 */
export function readTaskArgs(scriptArgs, expected) {
  const values = {};
  const given = new Set();
  const problems = [];
  for (const arg of withoutTag(scriptArgs)) {
    const named = typeof arg === "string" ? arg.match(/^--(\w+)=(.*)$/s) : null;
    if (!named || !Object.hasOwn(expected, named[1])) {
      problems.push(`unknown argument ${JSON.stringify(arg)}`);
      continue;
    }
    const [, name, text] = named;
    const kind = ARGUMENT_KINDS[expected[name]];
    const value = kind.parse(text);
    if (given.has(name)) problems.push(`--${name} given twice`);
    else if (value === undefined) problems.push(`--${name}=${text} is not ${kind.shape}`);
    else values[name] = value;
    given.add(name);
  }
  const missing = Object.keys(expected).filter((name) => !given.has(name));
  if (missing.length > 0) problems.push(`missing ${missing.map((name) => "--" + name).join(", ")}`);
  const usage = Object.keys(expected).map((name) => `--${name}=${ARGUMENT_KINDS[expected[name]].shape}`).join(" ");
  return { values, problem: problems.length === 0 ? "" : `bad arguments: ${problems.join("; ")} (expected ${usage})` };
}

/**
 * Starts a task launched with `--target=<host>` and the other named arguments in expected (see readTaskArgs);
 * their values are task.args. With good arguments it sends the first heartbeat at once (it carries pid,
 * script, target and lifecycle, which is what bitalloc needs to recover after its own restart); with bad ones
 * it sends none and task.argumentProblem says why, which performTask reports as an error.
 */
export async function startTask(ns, lifecycle, expected, overrides) {
  if (overrides) useEnvironment(ns, overrides);
  ns.disableLog("ALL");
  const env = environmentOf(ns);
  const { values, problem } = readTaskArgs(ns.args, Object.assign({ target: "host" }, expected));
  const task = {
    ns,
    env,
    knobs: Object.assign({}, DEFAULTS, env),
    lifecycle,
    target: values.target === undefined ? null : values.target,
    args: values,
    argumentProblem: problem,
    here: ns.self().server,
    nextBeatAt: env.now(),
    groups: [],
    copied: new Set(),
  };
  ns.atExit(() => {
    for (const group of task.groups) releaseAllocation(ns, group.allocationId);
  });
  if (!problem) await beatIfDue(task);
  return task;
}

export async function beatIfDue(task) {
  if (task.env.now() < task.nextBeatAt) return;
  task.nextBeatAt = task.env.now() + task.knobs.heartbeatMs;
  await heartbeat(task.ns, task.target, task.lifecycle);
}

/**
 * Asks bitalloc for RAM for `threads` threads of a helper script. Answers {ok: true, reservation} or
 * {ok: false, reason}. flags: contiguous, coreDependent, shrinkable, longRunning.
 */
export async function reserveHelpers(task, script, threads, flags) {
  let chunkSize = task.ns.getScriptRam(script, task.here);
  // A task may run on any host; the agent copied only the task and its imports, the helpers are on home.
  if (chunkSize <= 0 && task.here !== HOME && task.ns.scp(script, task.here, HOME)) chunkSize = task.ns.getScriptRam(script, task.here);
  if (chunkSize <= 0) return { ok: false, reason: `${script} is missing on ${task.here}` };
  const answer = await requestAllocation(task.ns, Object.assign({ filename: script, chunkSize, numChunks: threads }, flags));
  if (!answer.ok) return { ok: false, reason: describeRefusal(answer) };
  const group = { allocationId: answer.allocationId, tag: answer.tag, hosts: answer.hosts, script, processes: [] };
  task.groups.push(group);
  return { ok: true, reservation: group };
}

/** Starts the reserved helpers on their granted hosts with the allocation's tag, and claims each pid. */
export async function startHelpers(task, group, helperArgs) {
  for (const grant of group.hosts) {
    const pid = execWithFiles(task.ns, task.copied, group.script, grant.hostname, grant.numChunks,
      [...helperArgs, ...tagArgs(group.tag)]);
    if (pid > 0) {
      group.processes.push({ pid, hostname: grant.hostname, threads: grant.numChunks });
      await claim(task.ns, group.allocationId, group.tag, pid, grant.hostname, grant.numChunks);
    } else {
      await releaseChunks(task.ns, group.allocationId, grant.hostname, grant.numChunks);
    }
  }
  return group.processes.reduce((sum, process) => sum + process.threads, 0);
}

/** True while any helper of these groups (default: every group of this task) runs. */
export function helpersRunning(task, groups = task.groups) {
  return groups.some((group) => group.processes.some((process) => task.ns.isRunning(process.pid)));
}

/** Heartbeats until every helper of every group has exited. */
export async function waitForHelpers(task) {
  for (;;) {
    await beatIfDue(task);
    if (!helpersRunning(task)) return;
    await task.ns.sleep(Math.max(1, Math.min(task.knobs.helperCheckMs, task.nextBeatAt - task.env.now())));
  }
}

/** Gives back the allocations of these groups (default: every group of this task). */
export async function releaseHelpers(task, groups = task.groups.slice()) {
  for (const group of groups) {
    task.groups.splice(task.groups.indexOf(group), 1);
    await releaseAllocation(task.ns, group.allocationId);
  }
}

/**
 * Runs a task body (which answers {outcome, detail}), releases its helpers' RAM whatever happens and reports
 * POST /tasks/finished. Outcomes: completed, helpers-refused (bitalloc backs off), drifted, error. A task
 * started with bad arguments runs no body: it reports an error saying which arguments.
 */
export async function performTask(task, body) {
  let ending;
  try {
    ending = task.argumentProblem ? { outcome: "error", detail: task.argumentProblem } : await body();
  } catch (thrown) {
    ending = { outcome: "error", detail: String((thrown && thrown.message) || thrown) };
  }
  await releaseHelpers(task);
  await taskFinished(task.ns, task.target, task.lifecycle, ending.outcome, ending.detail);
  task.ns.print(`${task.lifecycle} ${task.target || "(no target)"}: ${ending.outcome}${ending.detail ? " (" + ending.detail + ")" : ""}`);
  return ending;
}

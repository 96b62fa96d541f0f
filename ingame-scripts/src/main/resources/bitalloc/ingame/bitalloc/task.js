// What till.js, sow.js and harvest.js share: heartbeats, helpers run inside allocations of their own, release,
// the finish report. NS functions named here: isRunning 0.10 (plus lib.js's exec, scp, getScriptRam).
import {
  claim, environmentOf, execWithFiles, heartbeat, releaseAllocation, releaseChunks, requestAllocation,
  tagArgs, taskFinished, useEnvironment, withoutTag, describeRefusal,
} from "bitalloc/lib.js";

const DEFAULTS = {
  heartbeatMs: 2000, // bitalloc's heartbeat timeout is 3 s
  helperCheckMs: 500, // how often running helpers are looked for
};

/**
 * Starts a task: ns.args = [target, ...numbers, tag]; sends the first heartbeat at once (it carries pid,
 * script, target and lifecycle, which is what bitalloc needs to recover after its own restart).
 */
export async function startTask(ns, lifecycle, overrides) {
  if (overrides) useEnvironment(ns, overrides);
  ns.disableLog("ALL");
  const env = environmentOf(ns);
  const [target, ...params] = withoutTag(ns.args);
  const task = {
    ns,
    env,
    knobs: Object.assign({}, DEFAULTS, env),
    lifecycle,
    target: String(target),
    params,
    here: ns.self().server,
    nextBeatAt: env.now(),
    groups: [],
    copied: new Set(),
  };
  ns.atExit(() => {
    for (const group of task.groups) releaseAllocation(ns, group.allocationId);
  });
  await beatIfDue(task);
  return task;
}

/** A positive whole number from the task's parameters, or the fallback. */
export function wholeParam(task, index, fallback) {
  const value = Math.floor(Number(task.params[index]));
  return Number.isFinite(value) && value >= 1 ? value : fallback;
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
  const chunkSize = task.ns.getScriptRam(script, task.here);
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
      await claim(task.ns, group.allocationId, pid, grant.hostname, grant.numChunks);
    } else {
      await releaseChunks(task.ns, group.allocationId, grant.hostname, grant.numChunks);
    }
  }
  return group.processes.reduce((sum, process) => sum + process.threads, 0);
}

/** Heartbeats until every helper of every group has exited. */
export async function waitForHelpers(task) {
  for (;;) {
    await beatIfDue(task);
    const running = task.groups.some((group) => group.processes.some((process) => task.ns.isRunning(process.pid)));
    if (!running) return;
    await task.ns.sleep(Math.max(1, Math.min(task.knobs.helperCheckMs, task.nextBeatAt - task.env.now())));
  }
}

/** Gives every allocation of this task back. */
export async function releaseHelpers(task) {
  for (const group of task.groups.splice(0)) await releaseAllocation(task.ns, group.allocationId);
}

/**
 * Runs a task body (which answers {outcome, detail}), releases its helpers' RAM whatever happens and reports
 * POST /tasks/finished. Outcomes: completed, helpers-refused (bitalloc backs off), drifted, error.
 */
export async function performTask(task, body) {
  let ending;
  try {
    ending = await body();
  } catch (thrown) {
    ending = { outcome: "error", detail: String((thrown && thrown.message) || thrown) };
  }
  await releaseHelpers(task);
  await taskFinished(task.ns, task.target, task.lifecycle, ending.outcome, ending.detail);
  task.ns.print(`${task.lifecycle} ${task.target}: ${ending.outcome}${ending.detail ? " (" + ending.detail + ")" : ""}`);
  return ending;
}

// RAM: 4.25 GB = 1.60 base + exec 1.30 + scp 0.60 + getScriptRam 0.10 + isRunning 0.10
//      + getServerSecurityLevel 0.10 + getServerMinSecurityLevel 0.10 + getServerMoneyAvailable 0.10
//      + getServerMaxMoney 0.10 + getHackTime 0.05 + getGrowTime 0.05 + getWeakenTime 0.05
//
// Task: hack/weaken/grow/weaken batches on a prepared target, sized by bitalloc's selector:
// ns.args = [--target=<host>, --hackThreads=<n>, --hackWeakenThreads=<n>, --growThreads=<n>,
// --growWeakenThreads=<n>, --batches=<n>, --spacingMs=<ms>, --hackFraction=<x>, tag].
// A batch starts every four spacings while fewer than `batches` are alive. Its hack, weaken, grow and weaken land
// one spacing apart, each kind in an allocation of its own that is given back when the batch is over. Landings
// are placed so that every batch start falls half a spacing after one batch's last weaken and half a spacing
// before the next hack, when the target should be at minimum security and maximum money: drift is checked
// then. Runs until the target drifts or helpers are refused; batches in flight land before the task ends.
import {
  beatIfDue, helpersRunning, performTask, releaseHelpers, reserveHelpers, startHelpers, startTask, waitForHelpers,
} from "bitalloc/task.js";

const PLANNED = {
  hackThreads: "count",
  hackWeakenThreads: "count",
  growThreads: "count",
  growWeakenThreads: "count",
  batches: "count",
  spacingMs: "count",
  hackFraction: "fraction",
};
const HACK_SCRIPT = "bitalloc/hack.js";
// In start order: what repairs the hack first, the hack last. `lands` counts spacings after the hack.
const BATCH_PARTS = [
  { script: "bitalloc/weaken.js", threadsArg: "hackWeakenThreads", lands: 1 },
  { script: "bitalloc/weaken.js", threadsArg: "growWeakenThreads", lands: 3 },
  { script: "bitalloc/grow.js", threadsArg: "growThreads", lands: 2 },
  { script: HACK_SCRIPT, threadsArg: "hackThreads", lands: 0 },
];

export async function main(ns, overrides) {
  const task = await startTask(ns, "harvest", PLANNED, overrides);
  await performTask(task, async () => {
    const ending = await runBatches(task);
    await waitForHelpers(task);
    return ending;
  });
}

async function runBatches(task) {
  const { ns, env, target } = task;
  const { batches, spacingMs, hackFraction, hackThreads, hackWeakenThreads, growThreads, growWeakenThreads } = task.args;
  const period = 4 * spacingMs;
  const firstStart = env.now();
  const alive = [];
  let nextStart = firstStart;
  let nextLanding = 0;
  ns.print(`harvest ${target}: up to ${batches} batches in flight, one every ${period} ms, each taking `
    + `${(100 * hackFraction).toFixed(2)} % with hack ${hackThreads}, weaken ${hackWeakenThreads}, `
    + `grow ${growThreads}, weaken ${growWeakenThreads} threads`);
  for (;;) {
    await beatIfDue(task);
    for (const batch of alive.filter((b) => !helpersRunning(task, b.groups))) {
      alive.splice(alive.indexOf(batch), 1);
      await releaseHelpers(task, batch.groups);
    }
    const now = env.now();
    if (now >= nextStart) {
      const sinceSlot = (now - firstStart) % period;
      if (sinceSlot <= spacingMs / 2 && alive.length < batches) {
        const drift = driftOf(ns, target);
        if (drift) return { outcome: "drifted", detail: drift };
        const started = await startBatch(task, now - sinceSlot, nextLanding);
        if (!started.ok) return { outcome: "helpers-refused", detail: started.reason };
        alive.push(started.batch);
        nextLanding = started.batch.hackLandsAt + period;
      }
      nextStart = now - sinceSlot + period;
    }
    const due = alive.map((b) => (b.endsAt > now ? b.endsAt : now + task.knobs.helperCheckMs));
    await ns.sleep(Math.max(1, Math.min(nextStart, task.nextBeatAt, ...due) - env.now()));
  }
}

/**
 * Reserves and starts one batch for the start slot at slotStart. Its hack lands half a spacing past a later
 * slot, no earlier than earliestHackLanding (after the batch before it) nor before a weaken could. Answers
 * {ok: true, batch: {groups, hackLandsAt, endsAt}} or {ok: false, reason}.
 */
async function startBatch(task, slotStart, earliestHackLanding) {
  const { ns, env, target } = task;
  const { spacingMs } = task.args;
  const period = 4 * spacingMs;
  const durations = {
    "bitalloc/hack.js": ns.getHackTime(target),
    "bitalloc/grow.js": ns.getGrowTime(target),
    "bitalloc/weaken.js": ns.getWeakenTime(target),
  };
  const offset = spacingMs / 2;
  const hackLandsAt = Math.max(earliestHackLanding,
    slotStart + offset + period * Math.ceil((durations["bitalloc/weaken.js"] - offset) / period));
  const reserved = [];
  for (const part of BATCH_PARTS) {
    const threads = task.args[part.threadsArg];
    const answer = await reserveHelpers(task, part.script, threads, { coreDependent: part.script !== HACK_SCRIPT });
    if (!answer.ok) return answer;
    reserved.push({ part, threads, group: answer.reservation });
  }
  for (const { part, threads, group } of reserved) {
    const delay = Math.max(0, Math.round(hackLandsAt + part.lands * spacingMs - env.now() - durations[part.script]));
    const running = await startHelpers(task, group, [target, delay]);
    if (running < threads && part.script !== HACK_SCRIPT) {
      return { ok: false, reason: `the game started ${running} of ${threads} ${part.script} threads of a batch` };
    }
  }
  const groups = reserved.map((r) => r.group);
  return { ok: true, batch: { groups, hackLandsAt, endsAt: hackLandsAt + 3 * spacingMs } };
}

/** Why the target no longer suits harvest (the selector's thresholds), or "" when it still does. */
function driftOf(ns, target) {
  const security = ns.getServerSecurityLevel(target);
  const floor = ns.getServerMinSecurityLevel(target);
  if (security > floor + 1) return `security ${security.toFixed(2)} > minimum ${floor} + 1`;
  const money = ns.getServerMoneyAvailable(target);
  const most = ns.getServerMaxMoney(target);
  if (money < 0.99 * most) return `money ${Math.round(money)} < 99 % of ${Math.round(most)}`;
  return "";
}

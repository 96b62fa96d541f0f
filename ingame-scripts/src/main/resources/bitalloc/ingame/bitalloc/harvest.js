// RAM: 6.25 GB = 1.60 base + exec 1.30 + scp 0.60 + getScriptRam 0.10 + isRunning 0.10
//      + hackAnalyze 1.00 + growthAnalyze 1.00 + getServerSecurityLevel 0.10 + getServerMinSecurityLevel 0.10
//      + getServerMoneyAvailable 0.10 + getServerMaxMoney 0.10 + getHackTime 0.05 + getGrowTime 0.05
//      + getWeakenTime 0.05
//
// Task: hack/grow/weaken batches on a prepared target. ns.args = [target, hackFraction, maxBatches, tag]
// (maxBatches 0 or absent: until the target drifts). Each batch takes hackFraction of the money, grows it back
// and weakens the security both added; the helpers are timed to land hack, then grow, then weaken.
import { performTask, releaseHelpers, reserveHelpers, startHelpers, startTask, waitForHelpers, wholeParam } from "bitalloc/task.js";

const LANDING_GAP_MS = 200;
const HACK_SECURITY = 0.002; // per thread (BITBURNER.md §4)
const GROW_SECURITY = 0.004;
const WEAKEN_SECURITY = 0.05;
const GROW_SLACK = 1.1; // grow a little more than the hack took: growthAnalyze ignores the thread's +$1

export async function main(ns, overrides) {
  const task = await startTask(ns, "harvest", overrides);
  const fraction = Math.min(0.95, Math.max(0.001, Number(task.params[0]) || 0.1));
  const maxBatches = wholeParam(task, 1, Infinity);
  await performTask(task, async () => {
    for (let batch = 0; batch < maxBatches; batch++) {
      const drift = driftOf(ns, task.target);
      if (drift) return { outcome: "drifted", detail: drift };
      const plan = planBatch(ns, task.target, fraction);
      if (!plan) return { outcome: "error", detail: `cannot hack ${task.target} (hack chance or level too low)` };
      const kinds = [
        ["bitalloc/weaken.js", plan.weakenThreads, 0],
        ["bitalloc/grow.js", plan.growThreads, plan.growDelay],
        ["bitalloc/hack.js", plan.hackThreads, plan.hackDelay],
      ];
      const reserved = [];
      for (const [script, threads, delay] of kinds) {
        const answer = await reserveHelpers(task, script, threads, { coreDependent: script !== "bitalloc/hack.js" });
        if (!answer.ok) return { outcome: "helpers-refused", detail: answer.reason };
        reserved.push([answer.reservation, delay]);
      }
      for (const [group, delay] of reserved) await startHelpers(task, group, [task.target, delay]);
      await waitForHelpers(task);
      await releaseHelpers(task);
    }
    return { outcome: "completed" };
  });
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

/** Threads and start delays of one batch, or null when a hack thread would take nothing. */
export function planBatch(ns, target, fraction) {
  const perThread = ns.hackAnalyze(target);
  if (!(perThread > 0)) return null;
  const hackThreads = Math.max(1, Math.floor(fraction / perThread));
  const taken = Math.min(0.99, hackThreads * perThread);
  const growThreads = Math.max(1, Math.ceil(ns.growthAnalyze(target, 1 / (1 - taken)) * GROW_SLACK));
  const weakenThreads = Math.max(1, Math.ceil((HACK_SECURITY * hackThreads + GROW_SECURITY * growThreads) / WEAKEN_SECURITY));
  const weakenTime = ns.getWeakenTime(target);
  return {
    hackThreads,
    growThreads,
    weakenThreads,
    growDelay: Math.max(0, Math.round(weakenTime - ns.getGrowTime(target) - LANDING_GAP_MS)),
    hackDelay: Math.max(0, Math.round(weakenTime - ns.getHackTime(target) - 2 * LANDING_GAP_MS)),
  };
}

// RAM: 3.90 GB = 1.60 base + exec 1.30 + scp 0.60 + getScriptRam 0.10 + isRunning 0.10
//      + getServerSecurityLevel 0.10 + getServerMinSecurityLevel 0.10
//
// Task: lower the target's security to its minimum. ns.args = [--target=<host>, --weakenThreads=<n>, tag]
// (bitalloc's selector plans the threads). Each round runs up to weakenThreads weaken threads in an
// allocation of its own.
import { performTask, releaseHelpers, reserveHelpers, startHelpers, startTask, waitForHelpers } from "bitalloc/task.js";

export async function main(ns, overrides) {
  const task = await startTask(ns, "till", { weakenThreads: "count" }, overrides);
  await performTask(task, async () => {
    const { weakenThreads } = task.args;
    while (ns.getServerSecurityLevel(task.target) > ns.getServerMinSecurityLevel(task.target)) {
      const weakenGrant = await reserveHelpers(task, "bitalloc/weaken.js", weakenThreads, { shrinkable: true, coreDependent: true });
      if (!weakenGrant.ok) return { outcome: "helpers-refused", detail: weakenGrant.reason };
      if ((await startHelpers(task, weakenGrant.reservation, [task.target, 0])) === 0) {
        return { outcome: "helpers-refused", detail: "the game refused every weaken helper" };
      }
      await waitForHelpers(task);
      await releaseHelpers(task);
    }
    return { outcome: "completed" };
  });
}

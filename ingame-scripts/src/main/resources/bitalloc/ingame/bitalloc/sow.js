// RAM: 3.90 GB = 1.60 base + exec 1.30 + scp 0.60 + getScriptRam 0.10 + isRunning 0.10
//      + getServerMoneyAvailable 0.10 + getServerMaxMoney 0.10
//
// Task: grow the target's money to its maximum. ns.args = [--target=<host>, --growThreads=<n>,
// --weakenThreads=<n>, tag] (bitalloc's selector plans the threads). Each round runs the grow threads and the
// weaken threads that cancel their security rise (weaken outlasts grow, so it lands last), each in an
// allocation of its own.
import { performTask, releaseHelpers, reserveHelpers, startHelpers, startTask, waitForHelpers } from "bitalloc/task.js";

const SOWN = 0.99; // the selector's harvest threshold: money at 99 % of max

export async function main(ns, overrides) {
  const task = await startTask(ns, "sow", { growThreads: "count", weakenThreads: "count" }, overrides);
  await performTask(task, async () => {
    const { growThreads, weakenThreads } = task.args;
    while (ns.getServerMoneyAvailable(task.target) < SOWN * ns.getServerMaxMoney(task.target)) {
      const growGrant = await reserveHelpers(task, "bitalloc/grow.js", growThreads, { shrinkable: true, coreDependent: true });
      if (!growGrant.ok) return { outcome: "helpers-refused", detail: growGrant.reason };
      const weakenGrant = await reserveHelpers(task, "bitalloc/weaken.js", weakenThreads, { shrinkable: true, coreDependent: true });
      if (!weakenGrant.ok) return { outcome: "helpers-refused", detail: weakenGrant.reason };
      await startHelpers(task, weakenGrant.reservation, [task.target, 0]);
      if ((await startHelpers(task, growGrant.reservation, [task.target, 0])) === 0) {
        return { outcome: "helpers-refused", detail: "the game refused every grow helper" };
      }
      await waitForHelpers(task);
      await releaseHelpers(task);
    }
    return { outcome: "completed" };
  });
}

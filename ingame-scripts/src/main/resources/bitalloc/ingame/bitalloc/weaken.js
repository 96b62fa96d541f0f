// RAM: 1.75 GB = 1.60 base + weaken 0.15
// Helper: ns.args = [target, delayMs, tag]. One weaken, started delayMs late so a batch lands in order.
export async function main(ns) {
  await ns.weaken(String(ns.args[0]), { additionalMsec: Math.max(0, Number(ns.args[1]) || 0) });
}

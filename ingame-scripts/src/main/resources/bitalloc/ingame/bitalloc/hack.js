// RAM: 1.70 GB = 1.60 base + hack 0.10
// Helper: ns.args = [target, delayMs, tag]. One hack, started delayMs late so a batch lands in order.
export async function main(ns) {
  await ns.hack(String(ns.args[0]), { additionalMsec: Math.max(0, Number(ns.args[1]) || 0) });
}

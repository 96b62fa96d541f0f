// RAM: 1.75 GB = 1.60 base + grow 0.15
// Helper: ns.args = [target, delayMs, tag]. One grow, started delayMs late so a batch lands in order.
export async function main(ns) {
  await ns.grow(String(ns.args[0]), { additionalMsec: Math.max(0, Number(ns.args[1]) || 0) });
}

// RAM: 1.75 GB = 1.60 base + weaken 0.15
// Filler: ns.args = [target, tag]. Holds RAM no task can use: weakens the target for hacking experience until
// bitalloc stops it (a weaken never harms a batch: it only lowers security toward the minimum).
export async function main(ns) {
  const target = String(ns.args[0]);
  for (;;) {
    await ns.weaken(target);
  }
}

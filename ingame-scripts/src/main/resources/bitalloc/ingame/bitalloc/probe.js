// RAM: 3.60 GB = 1.60 base + getServer 2.00 (writePort is free)
//
// One-shot helper of agent.js: ns.args = [port, hostname..., tag]. Writes each host's numbers that never change
// while it runs, {hostname: {cores, minSecurity, maxMoney, requiredHackingLevel, growth}}, as JSON to the port and
// exits. It exists so the long-running agent does not pay getServer's 2 GB all the time.
export async function main(ns) {
  const [port, ...names] = ns.args;
  const facts = {};
  for (const hostname of names) {
    if (typeof hostname === "string" && hostname.startsWith("--allocId")) continue;
    const server = ns.getServer(String(hostname));
    facts[hostname] = {
      cores: server.cpuCores,
      minSecurity: server.minDifficulty ?? 0,
      maxMoney: server.moneyMax ?? 0,
      requiredHackingLevel: server.requiredHackingSkill ?? 0,
      growth: server.serverGrowth ?? 0,
    };
  }
  ns.writePort(port, JSON.stringify(facts));
}

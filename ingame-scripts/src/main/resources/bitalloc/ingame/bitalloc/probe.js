// RAM: 3.60 GB = 1.60 base + getServer 2.00 (writePort is free)
//
// One-shot helper of agent.js: ns.args = [port, hostname..., tag]. Writes {hostname: cores} as JSON to the
// port and exits. It exists so the long-running agent does not pay getServer's 2 GB all the time.
export async function main(ns) {
  const [port, ...names] = ns.args;
  const cores = {};
  for (const hostname of names) {
    if (typeof hostname === "string" && hostname.startsWith("--allocId")) continue;
    cores[hostname] = ns.getServer(String(hostname)).cpuCores;
  }
  ns.writePort(port, JSON.stringify(cores));
}

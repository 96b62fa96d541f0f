// RAM: 3.60 GB = 1.60 base + exec 1.30 + scp 0.60 + getScriptRam 0.10
//
// Runs any script through bitalloc's allocator, with the same command line as the terminal's run:
//   alias aa="run bitalloc/launch.js"
//   aa script.js -t 10 arg1 arg2
// Options right before or after the script name: -t N / --threads N, --contiguous, --shrinkable,
// --core-dependent, --long-running; "--" ends them. The script's RAM per thread is one chunk, each thread one
// chunk; every granted host runs its share of the threads with the allocation's tag appended to the args.
import {
  claim, describeRefusal, execWithFiles, ram2, releaseAllocation, releaseChunks,
  requestAllocation, tagArgs, useEnvironment,
} from "bitalloc/lib.js";

const USAGE = "usage: run bitalloc/launch.js [-t N] [--contiguous] [--shrinkable] [--core-dependent] [--long-running] script.js [-t N] [args...]";
const FLAGS = { "--contiguous": "contiguous", "--shrinkable": "shrinkable", "--core-dependent": "coreDependent", "--long-running": "longRunning" };

export async function main(ns, overrides) {
  if (overrides) useEnvironment(ns, overrides);
  const request = parseLaunchArgs(ns.args);
  if (request.error) {
    ns.tprint(`ERROR ${request.error}\n${USAGE}`);
    return;
  }
  const here = ns.self().server;
  const chunkSize = ns.getScriptRam(request.script, here);
  if (chunkSize <= 0) {
    ns.tprint(`ERROR ${request.script} is not on ${here} or its RAM cannot be calculated`);
    return;
  }
  const total = ram2(chunkSize * request.threads);
  const grant = await requestAllocation(ns, Object.assign({ filename: request.script, chunkSize, numChunks: request.threads }, request.flags));
  if (!grant.ok) {
    ns.tprint(`ERROR bitalloc refused ${request.script} x${request.threads} (${chunkSize} GB per thread, ${total} GB): ${describeRefusal(grant)}`);
    return;
  }
  const copied = new Set();
  const started = [];
  const refused = [];
  for (const host of grant.hosts) {
    const pid = execWithFiles(ns, copied, request.script, host.hostname, host.numChunks, [...request.scriptArgs, ...tagArgs(grant.tag)]);
    if (pid > 0) {
      started.push(`pid ${pid} on ${host.hostname} x${host.numChunks}`);
      await claim(ns, grant.allocationId, grant.tag, pid, host.hostname, host.numChunks);
    } else {
      refused.push(`${host.hostname} x${host.numChunks}`);
      await releaseChunks(ns, grant.allocationId, host.hostname, host.numChunks);
    }
  }
  if (started.length === 0) await releaseAllocation(ns, grant.allocationId);
  if (started.length > 0) ns.tprint(`${request.script} started in allocation ${grant.allocationId}: ${started.join(", ")}`);
  if (refused.length > 0) ns.tprint(`WARN the game refused ${request.script} on ${refused.join(", ")}; those chunks were given back`);
}

/** ns.args → {script, threads, flags, scriptArgs} or {error}. */
export function parseLaunchArgs(given) {
  const flags = {};
  let threads = 1;
  let script = null;
  let optionsOpen = true;
  const scriptArgs = [];
  for (let i = 0; i < given.length; i++) {
    const arg = given[i];
    if (optionsOpen && (arg === "-t" || arg === "--threads")) {
      threads = Number(given[++i]);
      if (!Number.isInteger(threads) || threads < 1) return { error: `threads must be a whole number >= 1, not ${given[i]}` };
    } else if (optionsOpen && typeof arg === "string" && arg.startsWith("--threads=")) {
      threads = Number(arg.slice("--threads=".length));
      if (!Number.isInteger(threads) || threads < 1) return { error: `threads must be a whole number >= 1, not ${arg}` };
    } else if (optionsOpen && typeof arg === "string" && Object.hasOwn(FLAGS, arg)) {
      flags[FLAGS[arg]] = true;
    } else if (optionsOpen && arg === "--") {
      optionsOpen = false;
    } else if (script === null) {
      script = String(arg);
    } else {
      optionsOpen = false;
      scriptArgs.push(arg);
    }
  }
  if (script === null) return { error: "which script?" };
  return { script: script.replace(new RegExp("^/+"), ""), threads, flags, scriptArgs };
}

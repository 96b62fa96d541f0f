// A small stand-in for Bitburner 2.8's process API, in virtual time: servers with RAM, files, a scan graph,
// processes with pids, exec/kill/ps/scp, ports, and helper behaviours (a weaken that ends after 4 s and
// lowers security...). ns.sleep and ns.asleep advance the virtual clock instead of waiting.
import { readFileSync } from "node:fs";

const SHIPPED = new URL("../../../main/resources/bitalloc/ingame/", import.meta.url);

/** The text of a shipped script, e.g. shippedScript("bitalloc/agent.js"). */
export function shippedScript(gameFileName) {
  return readFileSync(new URL(gameFileName, SHIPPED), "utf8");
}

/** Per-thread RAM of the shipped scripts, as their RAM comments state (checked by ram.test.mjs). */
export function documentedRam(gameFileName) {
  const found = /^\/\/ RAM: (\d+\.\d\d) GB/m.exec(shippedScript(gameFileName));
  return found ? Number(found[1]) : 0;
}

const ROUND = (gb) => Math.round(gb * 100) / 100;

export class FakeGame {
  constructor() {
    this.clock = 0;
    this.servers = new Map();
    this.processes = new Map();
    this.nextPid = 1;
    this.scriptCosts = new Map();
    this.behaviours = new Map();
    this.ports = new Map();
    this.logs = [];
    this.terminal = [];
    this.exitHandlers = new Map();
    this.helperCalls = [];
    this.psCalls = 0;
    this.lastSeen = new Map();
    this.hackingLevel = 1;
  }

  addServer(hostname, options = {}) {
    this.servers.set(hostname, {
      hostname,
      maxRam: options.maxRam ?? 8,
      extraUsedRam: options.extraUsedRam ?? 0,
      cores: options.cores ?? 1,
      root: options.root ?? true,
      purchased: options.purchased ?? false,
      links: new Set(),
      files: new Map(),
      security: options.security ?? 1,
      minSecurity: options.minSecurity ?? 1,
      money: options.money ?? 0,
      maxMoney: options.maxMoney ?? 0,
      requiredHackingLevel: options.requiredHackingLevel ?? 1,
      growth: options.growth ?? 10,
    });
    for (const other of options.links ?? []) this.link(hostname, other);
    return this;
  }

  link(a, b) {
    this.server(a).links.add(b);
    this.server(b).links.add(a);
  }

  server(hostname) {
    const server = this.servers.get(hostname);
    if (!server) throw new Error(`Invalid hostname: '${hostname}'`);
    return server;
  }

  /** Puts a script on a host; its per-thread RAM defaults to its RAM comment for shipped scripts. */
  putScript(hostname, filename, content, ramPerThread) {
    const text = content ?? (filename.startsWith("bitalloc/") ? shippedScript(filename) : "export async function main(ns) {}");
    this.server(hostname).files.set(filename, text);
    if (ramPerThread !== undefined) this.scriptCosts.set(filename, ramPerThread);
    else if (!this.scriptCosts.has(filename) && filename.startsWith("bitalloc/")) this.scriptCosts.set(filename, documentedRam(filename));
    return this;
  }

  /** Puts every shipped script on a host. */
  putShippedScripts(hostname) {
    for (const name of ["config", "lib", "task", "agent", "probe", "launch", "till", "sow", "harvest", "hack", "grow", "weaken"]) {
      this.putScript(hostname, `bitalloc/${name}.js`);
    }
    return this;
  }

  /** What happens when a script's process runs: {durationMs(process), effect(game, process)}. */
  behave(filename, behaviour) {
    this.behaviours.set(filename, behaviour);
    return this;
  }

  usedRam(hostname) {
    let used = this.server(hostname).extraUsedRam;
    for (const process of this.processes.values()) {
      if (process.hostname === hostname) used += process.ramPerThread * process.threads;
    }
    return ROUND(used);
  }

  /** Starts a process without the exec checks (a player's script that was already there). */
  spawnProcess(hostname, filename, threads = 1, args = [], ramPerThread) {
    const pid = this.nextPid++;
    const cost = ramPerThread ?? this.scriptCosts.get(filename) ?? 1.6;
    const behaviour = this.behaviours.get(filename);
    const process = { pid, hostname, filename, threads, args: [...args], ramPerThread: cost, endsAt: Infinity };
    this.processes.set(pid, process);
    if (behaviour) process.endsAt = this.clock + behaviour.durationMs(process, this);
    return process;
  }

  /** Starts a script and answers the ns object it runs with. */
  start(hostname, filename, args = [], threads = 1) {
    if (!this.server(hostname).files.has(filename)) this.putScript(hostname, filename);
    return this.nsFor(this.spawnProcess(hostname, filename, threads, args).pid);
  }

  /** Lets virtual time pass, ending the processes whose behaviour says they are done. */
  advance(ms) {
    const until = this.clock + ms;
    for (;;) {
      const due = [...this.processes.values()].filter((p) => p.endsAt <= until).sort((a, b) => a.endsAt - b.endsAt)[0];
      if (!due) break;
      this.clock = Math.max(this.clock, due.endsAt);
      this.processes.delete(due.pid);
      this.behaviours.get(due.filename)?.effect?.(this, due);
    }
    this.clock = until;
  }

  killProcess(pid) {
    const process = this.processes.get(pid);
    if (!process) return false;
    this.processes.delete(pid);
    this.exitHandlers.get(pid)?.();
    return true;
  }

  exec(filename, hostname, threadsOrOptions = 1, args = []) {
    const server = this.server(hostname);
    const threads = typeof threadsOrOptions === "object" ? threadsOrOptions.threads ?? 1 : threadsOrOptions;
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`exec: Invalid thread count: ${threads}`);
    for (const arg of args) {
      if (!["string", "number", "boolean"].includes(typeof arg)) throw new Error("exec: 'args' is not an array of script args");
    }
    if (!server.files.has(filename)) return 0;
    if (!server.root) return 0;
    const cost = this.scriptCosts.get(filename) ?? 0;
    if (cost <= 0) return 0;
    if (cost * threads > server.maxRam - this.usedRam(hostname) + 0.001) return 0;
    return this.spawnProcess(hostname, filename, threads, args).pid;
  }

  nsFor(pid) {
    const game = this;
    const me = () => game.processes.get(pid) ?? game.lastSeen.get(pid);
    game.lastSeen.set(pid, game.processes.get(pid));
    const here = () => me().hostname;
    const targetOf = (host) => game.server(host);
    const ns = {
      get pid() {
        return pid;
      },
      get args() {
        return [...me().args];
      },
      self() {
        const p = me();
        return { pid, server: p.hostname, filename: p.filename, threads: p.threads, ramUsage: p.ramPerThread, args: [...p.args] };
      },
      scan(host = here()) {
        return [...game.server(host).links];
      },
      ps(host = here()) {
        game.psCalls++;
        game.server(host);
        return [...game.processes.values()]
          .filter((p) => p.hostname === host)
          .map((p) => ({ filename: p.filename, threads: p.threads, args: [...p.args], pid: p.pid, temporary: false }));
      },
      hasRootAccess: (host) => game.server(host).root,
      getServerMaxRam: (host) => game.server(host).maxRam,
      getServerUsedRam: (host) => game.usedRam(host),
      getScriptRam: (file, host = here()) => (game.server(host).files.has(file) ? game.scriptCosts.get(file) ?? 0 : 0),
      exec: (file, host, threads = 1, ...args) => game.exec(file, host, threads, args),
      scp(files, destination, source = here()) {
        const from = game.server(source);
        const to = game.server(destination);
        let all = true;
        for (const file of [].concat(files)) {
          if (from.files.has(file)) to.files.set(file, from.files.get(file));
          else all = false;
        }
        return all;
      },
      kill: (target) => game.killProcess(target),
      isRunning: (target) => game.processes.has(target),
      read: (file) => game.server(here()).files.get(file) ?? "",
      readPort: (port) => (game.ports.get(port)?.length ? game.ports.get(port).shift() : "NULL PORT DATA"),
      writePort(port, data) {
        if (!game.ports.has(port)) game.ports.set(port, []);
        game.ports.get(port).push(data);
        return null;
      },
      clearPort: (port) => game.ports.delete(port),
      sleep: async (ms) => {
        game.advance(ms);
        return true;
      },
      asleep: async (ms) => {
        game.advance(ms);
        return true;
      },
      print: (...parts) => game.logs.push({ pid, at: game.clock, text: parts.join(" ") }),
      tprint: (...parts) => game.terminal.push(parts.join(" ")),
      disableLog: () => {},
      atExit: (handler) => game.exitHandlers.set(pid, handler),
      getServer: (host) => {
        const s = targetOf(host);
        return {
          hostname: host, cpuCores: s.cores, purchasedByPlayer: s.purchased, maxRam: s.maxRam, ramUsed: game.usedRam(host),
          minDifficulty: s.minSecurity, moneyMax: s.maxMoney, requiredHackingSkill: s.requiredHackingLevel, serverGrowth: s.growth,
        };
      },
      getServerSecurityLevel: (host) => targetOf(host).security,
      getServerMinSecurityLevel: (host) => targetOf(host).minSecurity,
      getServerMoneyAvailable: (host) => targetOf(host).money,
      getServerMaxMoney: (host) => targetOf(host).maxMoney,
      getHackingLevel: () => game.hackingLevel,
      hackAnalyze: () => 0.01,
      growthAnalyze: (host, multiplier) => Math.log(multiplier) / Math.log(1.0035),
      getHackTime: () => 1000,
      getGrowTime: () => 3200,
      getWeakenTime: () => 4000,
      hack: async (target, options) => game.helperCalls.push({ call: "hack", pid, target, options }),
      grow: async (target, options) => game.helperCalls.push({ call: "grow", pid, target, options }),
      weaken: async (target, options) => game.helperCalls.push({ call: "weaken", pid, target, options }),
    };
    // Like the game: once the script is dead (killed, its atExit running, or ended), NS calls throw.
    for (const [name, fn] of Object.entries(ns)) {
      if (typeof fn !== "function") continue;
      ns[name] = (...args) => {
        if (!game.processes.has(pid)) throw new Error(`ScriptDeath: ${name} called by dead pid ${pid}`);
        return fn(...args);
      };
    }
    return ns;
  }
}

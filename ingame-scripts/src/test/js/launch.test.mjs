import { test } from "node:test";
import assert from "node:assert/strict";
import { main as launchMain, parseLaunchArgs } from "bitalloc/launch.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc } from "./support/fake-bitalloc.mjs";

function network() {
  const game = new FakeGame()
    .addServer("home", { maxRam: 32 })
    .addServer("n00dles", { maxRam: 16, links: ["home"] });
  game.putShippedScripts("home");
  game.putScript("home", "script.js", 'import { x } from "tools/x.js";\nexport async function main(ns) {}', 2.6);
  game.putScript("home", "tools/x.js", "export const x = 1;");
  return { game, bitalloc: new FakeBitalloc(game) };
}

async function launch(game, bitalloc, args) {
  const ns = game.start("home", "bitalloc/launch.js", args);
  await launchMain(ns, bitalloc.environment());
  return ns;
}

function splitGrant(bitalloc) {
  bitalloc.grant = (body) => ({
    status: 201,
    body: {
      allocationId: "a-1",
      tag: "--allocId=a-1",
      hosts: [
        { hostname: "home", chunkSize: body.chunkSize, numChunks: 4 },
        { hostname: "n00dles", chunkSize: body.chunkSize, numChunks: 6 },
      ],
    },
  });
}

test("aa script.js -t 10 args asks for ten chunks of the script's RAM and runs them where granted, tagged", async () => {
  const { game, bitalloc } = network();
  splitGrant(bitalloc);
  const ns = await launch(game, bitalloc, ["script.js", "-t", 10, "foo", 7]);

  const [request] = bitalloc.callsExactly("POST", "/allocations");
  assert.deepEqual(request.body, {
    requester: { pid: ns.pid, hostname: "home" },
    filename: "script.js",
    chunkSize: 2.6,
    numChunks: 10,
    contiguous: false,
    coreDependent: false,
    shrinkable: false,
    longRunning: false,
  });
  const started = [...game.processes.values()].filter((p) => p.filename === "script.js");
  assert.deepEqual(started.map((p) => [p.hostname, p.threads, p.args]), [
    ["home", 4, ["foo", 7, "--allocId=a-1"]],
    ["n00dles", 6, ["foo", 7, "--allocId=a-1"]],
  ]);
  assert.ok(game.server("n00dles").files.has("tools/x.js"), "imports copied with the script");
  assert.deepEqual(bitalloc.callsTo("POST", "/allocations/a-1/claims").map((c) => c.body), [
    { tag: "--allocId=a-1", pid: started[0].pid, hostname: "home", numChunks: 4 },
    { tag: "--allocId=a-1", pid: started[1].pid, hostname: "n00dles", numChunks: 6 },
  ]);
  assert.match(game.terminal.at(-1), new RegExp(`script.js started in allocation a-1: pid ${started[0].pid} on home x4, pid ${started[1].pid} on n00dles x6`));
});

test("a refusal is printed with its reason and numbers, and nothing starts", async () => {
  const { game, bitalloc } = network();
  bitalloc.grant = () => ({
    status: 409,
    body: { type: "https://bitalloc.dev/problems/not-enough-ram", title: "Not enough free RAM", status: 409, detail: "26 GB asked, 12.5 GB free", requested: 26, available: 12.5 },
  });
  await launch(game, bitalloc, ["script.js", "-t", 10]);

  assert.equal(game.terminal.length, 1);
  assert.equal(
    game.terminal[0],
    "ERROR bitalloc refused script.js x10 (2.6 GB per thread, 26 GB): HTTP 409: Not enough free RAM: 26 GB asked, 12.5 GB free: (requested=26, available=12.5)",
  );
  assert.equal([...game.processes.values()].some((p) => p.filename === "script.js"), false);
});

test("bitalloc being down is said plainly", async () => {
  const { game, bitalloc } = network();
  bitalloc.reachable = () => false;
  await launch(game, bitalloc, ["script.js"]);

  assert.match(game.terminal[0], /^ERROR bitalloc refused script.js x1 .*bitalloc unreachable \(fetch failed\)$/);
});

test("a host where the game refuses the script gets its chunks given back", async () => {
  const { game, bitalloc } = network();
  splitGrant(bitalloc);
  game.server("n00dles").root = false;
  await launch(game, bitalloc, ["script.js", "-t", 10]);

  assert.deepEqual(bitalloc.callsTo("POST", "/allocations/a-1/release-chunks").map((c) => c.body), [{ hostname: "n00dles", numChunks: 6 }]);
  assert.equal(bitalloc.callsTo("POST", "/allocations/a-1/claims").length, 1);
  assert.match(game.terminal.at(-1), /^WARN the game refused script.js on n00dles x6/);
});

test("when no host could start the script the whole allocation is released", async () => {
  const { game, bitalloc } = network();
  bitalloc.grant = () => ({ status: 201, body: { allocationId: "a-2", tag: "--allocId=a-2", hosts: [{ hostname: "n00dles", chunkSize: 2.6, numChunks: 1 }] } });
  game.server("n00dles").root = false;
  await launch(game, bitalloc, ["script.js"]);

  assert.equal(bitalloc.callsTo("DELETE", "/allocations/a-2").length, 1);
});

test("a script that is not on home is refused before bitalloc is asked", async () => {
  const { game, bitalloc } = network();
  await launch(game, bitalloc, ["nope.js", "-t", 2]);

  assert.match(game.terminal[0], /^ERROR nope.js is not on home/);
  assert.equal(bitalloc.calls.length, 0);
});

test("the command line reads like run's: options around the script name, -- ends them", () => {
  assert.deepEqual(parseLaunchArgs(["-t", 3, "/s.js", "x"]), { script: "s.js", threads: 3, flags: {}, scriptArgs: ["x"] });
  assert.deepEqual(parseLaunchArgs(["s.js", "--threads=4", "--shrinkable", "--long-running", "a", "-t", 9]), {
    script: "s.js", threads: 4, flags: { shrinkable: true, longRunning: true }, scriptArgs: ["a", "-t", 9],
  });
  assert.deepEqual(parseLaunchArgs(["s.js", "--", "--contiguous"]), { script: "s.js", threads: 1, flags: {}, scriptArgs: ["--contiguous"] });
  assert.deepEqual(parseLaunchArgs(["s.js", "--core-dependent", "--contiguous"]).flags, { coreDependent: true, contiguous: true });
  assert.match(parseLaunchArgs(["s.js", "-t", 0]).error, /threads must be a whole number >= 1, not 0/);
  assert.match(parseLaunchArgs(["s.js", "-t", 1.5]).error, /threads/);
  assert.equal(parseLaunchArgs([]).error, "which script?");
});

test("a command line mistake prints the usage", async () => {
  const { game, bitalloc } = network();
  await launch(game, bitalloc, ["script.js", "-t", "many"]);

  assert.match(game.terminal[0], /^ERROR threads must be a whole number >= 1, not many\nusage: run bitalloc\/launch.js/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readTaskArgs } from "bitalloc/task.js";
import { main as tillMain } from "bitalloc/till.js";
import { main as sowMain } from "bitalloc/sow.js";
import { main as harvestMain } from "bitalloc/harvest.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc } from "./support/fake-bitalloc.mjs";

const TILL = { target: "host", weakenThreads: "count" };
const TILL_USAGE = "(expected --target=<host> --weakenThreads=<whole number ≥ 1>)";

test("named arguments are read by name, in any order, numbers as numbers, the allocation tag left out", () => {
  const read = readTaskArgs(["--weakenThreads=140", "--target=foodnstuff", "--allocId=0b6f1c52-9d0e-4c8e-8f3a-2a1b3c4d5e6f"], TILL);
  assert.deepEqual(read, { values: { weakenThreads: 140, target: "foodnstuff" }, problem: "" });
  const harvest = readTaskArgs(["--target=n00dles", "--hackFraction=0.062500", "--spacingMs=200"],
    { target: "host", hackFraction: "fraction", spacingMs: "count" });
  assert.deepEqual(harvest.values, { target: "n00dles", hackFraction: 0.0625, spacingMs: 200 });
});

test("a missing target is named, with the arguments the task expects", () => {
  assert.equal(readTaskArgs(["--weakenThreads=3", "--allocId=a-1"], TILL).problem, `bad arguments: missing --target ${TILL_USAGE}`);
  assert.equal(readTaskArgs(["--target=", "--weakenThreads=3"], TILL).problem, `bad arguments: --target= is not <host> ${TILL_USAGE}`);
});

test("a malformed number is named with what it should have been", () => {
  for (const bad of ["abc", "2x", "0", "-3", "1.5", "", " 4", "1e3", "0x10"]) {
    assert.equal(readTaskArgs(["--target=joesguns", `--weakenThreads=${bad}`], TILL).problem,
      `bad arguments: --weakenThreads=${bad} is not <whole number ≥ 1> ${TILL_USAGE}`, bad);
  }
  for (const bad of ["0", "1.01", "-0.5", "abc", "NaN", "Infinity", ""]) {
    const { problem } = readTaskArgs([`--hackFraction=${bad}`], { hackFraction: "fraction" });
    assert.equal(problem, `bad arguments: --hackFraction=${bad} is not <number in (0, 1]> (expected --hackFraction=<number in (0, 1]>)`, bad);
  }
  assert.equal(readTaskArgs(["--hackFraction=1", "--x=.5e-1"], { hackFraction: "fraction", x: "fraction" }).problem, "");
});

test("unknown, positional and repeated arguments are each named, all in one sentence", () => {
  const { problem } = readTaskArgs(["joesguns", 20, "--threads=4", "--target=a", "--target=b", "--constructor=1", "--allocId=t"], TILL);
  assert.equal(problem, 'bad arguments: unknown argument "joesguns"; unknown argument 20; unknown argument "--threads=4"; '
    + `--target given twice; unknown argument "--constructor=1"; missing --weakenThreads ${TILL_USAGE}`);
});

function world() {
  const game = new FakeGame()
    .addServer("home", { maxRam: 256 })
    .addServer("joesguns", { maxRam: 16, links: ["home"], security: 10, minSecurity: 5, money: 1, maxMoney: 1e6 });
  game.putShippedScripts("home");
  return { game, bitalloc: new FakeBitalloc(game) };
}

for (const [script, main, args, target, detail] of [
  ["bitalloc/till.js", tillMain, ["--weakenThreads=20", "--allocId=a-1"], null, `bad arguments: missing --target ${TILL_USAGE}`],
  ["bitalloc/sow.js", sowMain, ["--target=joesguns", "--growThreads=many", "--weakenThreads=3"], "joesguns",
    "bad arguments: --growThreads=many is not <whole number ≥ 1> "
    + "(expected --target=<host> --growThreads=<whole number ≥ 1> --weakenThreads=<whole number ≥ 1>)"],
  ["bitalloc/harvest.js", harvestMain, ["joesguns", 0.1, 1, "--allocId=a-1"], null,
    'bad arguments: unknown argument "joesguns"; unknown argument 0.1; unknown argument 1; missing --target, --hackThreads, '
    + "--hackWeakenThreads, --growThreads, --growWeakenThreads, --batches, --spacingMs, --hackFraction (expected --target=<host> "
    + "--hackThreads=<whole number ≥ 1> --hackWeakenThreads=<whole number ≥ 1> --growThreads=<whole number ≥ 1> "
    + "--growWeakenThreads=<whole number ≥ 1> --batches=<whole number ≥ 1> --spacingMs=<whole number ≥ 1> "
    + "--hackFraction=<number in (0, 1]>)"],
]) {
  test(`${script} with bad arguments reports an error saying which, and does nothing else`, async () => {
    const { game, bitalloc } = world();
    const ns = game.start("home", script, args);
    await main(ns, bitalloc.environment());

    assert.deepEqual(bitalloc.calls.map((c) => `${c.method} ${c.path}`), ["POST /tasks/finished"]);
    const lifecycle = script.slice("bitalloc/".length, -".js".length);
    assert.deepEqual(bitalloc.calls[0].body, { pid: ns.pid, filename: script, target, lifecycle, outcome: "error", detail });
    assert.equal(game.logs.at(-1).text, `${lifecycle} ${target || "(no target)"}: error (${detail})`);
  });
}

import { test } from "node:test";
import assert from "node:assert/strict";
import { documentedRam } from "./support/fake-game.mjs";
import { identifiersOf, staticRam } from "./support/static-ram.mjs";

const RUNNABLE = ["agent", "probe", "launch", "till", "sow", "harvest", "hack", "grow", "weaken", "xp"].map((n) => `bitalloc/${n}.js`);

test("the agent costs 4.90 GB: the process API and the targets' changing numbers, nothing else", () => {
  const ram = staticRam("bitalloc/agent.js");
  assert.equal(ram.total, 4.9);
  assert.deepEqual(ram.charged.slice().sort(), [
    ["exec", 1.3], ["scp", 0.6], ["kill", 0.5], ["ps", 0.2], ["scan", 0.2], ["getScriptRam", 0.1],
    ["getServerSecurityLevel", 0.1], ["getServerMoneyAvailable", 0.1],
    ["getServerMaxRam", 0.05], ["getServerUsedRam", 0.05], ["hasRootAccess", 0.05], ["getHackingLevel", 0.05],
  ].sort());
});

test("the helpers cost what a single hack, grow or weaken costs", () => {
  assert.deepEqual(["hack", "grow", "weaken"].map((n) => staticRam(`bitalloc/${n}.js`).total), [1.7, 1.75, 1.75]);
});

for (const script of RUNNABLE) {
  test(`${script} costs what its RAM comment says`, () => {
    const ram = staticRam(script);
    assert.equal(documentedRam(script), ram.total, JSON.stringify(ram.charged));
  });
}

test("the model reads identifiers only: comments, strings and template text are not charged", () => {
  const names = identifiersOf('// ns.exec\n/* ns.kill */ const a = "ns.scp"; const b = `run ${ns.ps(x + `${hack}`)} share`;');
  assert.deepEqual([...names].sort(), ["a", "b", "const", "hack", "ns", "ps", "x"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { main as hackMain } from "bitalloc/hack.js";
import { main as growMain } from "bitalloc/grow.js";
import { main as weakenMain } from "bitalloc/weaken.js";
import { main as probeMain } from "bitalloc/probe.js";
import { main as xpMain } from "bitalloc/xp.js";
import { FakeGame } from "./support/fake-game.mjs";

function game() {
  const g = new FakeGame().addServer("home", { maxRam: 64, cores: 4 }).addServer("n00dles", { maxRam: 4, links: ["home"] });
  g.putShippedScripts("home");
  return g;
}

test("each helper makes its one call on the target, started as late as asked, whatever tag follows", async () => {
  const g = game();
  await hackMain(g.start("home", "bitalloc/hack.js", ["n00dles", 250, "--allocId=a"]));
  await growMain(g.start("home", "bitalloc/grow.js", ["n00dles", 40, "--allocId", "a"]));
  await weakenMain(g.start("home", "bitalloc/weaken.js", ["n00dles", "--allocId=a"]));

  assert.deepEqual(g.helperCalls.map((c) => [c.call, c.target, c.options]), [
    ["hack", "n00dles", { additionalMsec: 250 }],
    ["grow", "n00dles", { additionalMsec: 40 }],
    ["weaken", "n00dles", { additionalMsec: 0 }],
  ]);
});

test("the filler weakens its target again and again until it is stopped, whatever tag follows", async () => {
  const g = game();
  const ns = g.start("home", "bitalloc/xp.js", ["n00dles", "--allocId=f"]);
  let weakens = 0;
  ns.weaken = async (target) => {
    assert.equal(target, "n00dles");
    weakens += 1;
    if (weakens === 3) throw new Error("killed");
  };
  await assert.rejects(xpMain(ns), /killed/);
  assert.equal(weakens, 3);
});

test("the probe writes every named host's cores and fixed numbers to its port and skips the tag", async () => {
  const g = game();
  await probeMain(g.start("home", "bitalloc/probe.js", [77, "home", "n00dles", "--allocId=z"]));

  assert.deepEqual(JSON.parse(g.ports.get(77)[0]), {
    home: { cores: 4, minSecurity: 1, maxMoney: 0, requiredHackingLevel: 1, growth: 10 },
    n00dles: { cores: 1, minSecurity: 1, maxMoney: 0, requiredHackingLevel: 1, growth: 10 },
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  callBitalloc, describeRefusal, heartbeat, inheritAllocatorArgs, ram2, releaseChunks, requestAllocation,
  scriptWithImports, tagArgs, taskFinished, withoutTag, useEnvironment,
} from "bitalloc/lib.js";
import { FakeGame } from "./support/fake-game.mjs";
import { FakeBitalloc } from "./support/fake-bitalloc.mjs";

function nsWithArgs(args) {
  const game = new FakeGame().addServer("home", { maxRam: 64 });
  return game.start("home", "task.js", args);
}

test("inheritAllocatorArgs passes on the one-argument tag", () => {
  assert.deepEqual(inheritAllocatorArgs(nsWithArgs(["n00dles", 3, "--allocId=0f5c-77"])), ["--allocId=0f5c-77"]);
});

test("inheritAllocatorArgs turns the two-argument tag into the one-argument form", () => {
  assert.deepEqual(inheritAllocatorArgs(nsWithArgs(["--allocId", "0f5c-77", "n00dles"])), ["--allocId=0f5c-77"]);
});

test("inheritAllocatorArgs gives nothing to an untagged script, or for a dangling flag", () => {
  assert.deepEqual(inheritAllocatorArgs(nsWithArgs(["n00dles", 3])), []);
  assert.deepEqual(inheritAllocatorArgs(nsWithArgs(["n00dles", "--allocId"])), []);
});

test("withoutTag leaves the script's own arguments, whichever tag form was used", () => {
  assert.deepEqual(withoutTag(["a", "--allocId=x", 2]), ["a", 2]);
  assert.deepEqual(withoutTag(["--allocId", "x", "a", true]), ["a", true]);
});

test("tagArgs accepts the tag as bitalloc sends it or as a bare id", () => {
  assert.deepEqual(tagArgs("--allocId=1b2c"), ["--allocId=1b2c"]);
  assert.deepEqual(tagArgs("1b2c"), ["--allocId=1b2c"]);
});

test("RAM goes out in GB with two decimals whatever float noise it carries", () => {
  assert.equal(ram2(1.6999999999999997), 1.7);
  assert.equal(ram2(0.1 + 0.2), 0.3);
  assert.equal(JSON.stringify(ram2(4.65 * 3)), "13.95");
});

test("a call that cannot reach bitalloc answers status 0 instead of throwing", async () => {
  const ns = nsWithArgs([]);
  useEnvironment(ns, { fetch: async () => { throw new TypeError("fetch failed"); }, token: "" });

  const answer = await callBitalloc(ns, "POST", "/scans", {});
  assert.deepEqual(answer, { ok: false, status: 0, json: null, error: "fetch failed" });
  assert.equal(describeRefusal(answer), "bitalloc unreachable (fetch failed)");
});

test("calls send JSON with the token, and no body or content type when there is nothing to send", async () => {
  const ns = nsWithArgs([]);
  const seen = [];
  useEnvironment(ns, {
    baseUrl: "http://127.0.0.1:8420/",
    token: "abc",
    fetch: async (url, init) => {
      seen.push({ url, init });
      return new Response(null, { status: 204 });
    },
  });
  await releaseChunks(ns, "id/1", "n00dles", 2);
  await callBitalloc(ns, "GET", "/status");

  assert.equal(seen[0].url, "http://127.0.0.1:8420/api/v1/allocations/id%2F1/release-chunks");
  assert.deepEqual(seen[0].init.headers, { Accept: "application/json", Authorization: "Bearer abc", "Content-Type": "application/json" });
  assert.equal(seen[0].init.body, '{"hostname":"n00dles","numChunks":2}');
  assert.deepEqual(seen[1].init.headers, { Accept: "application/json", Authorization: "Bearer abc" });
  assert.equal(seen[1].init.body, undefined);
});

test("an allocation answer without an id is not taken for a grant", async () => {
  const game = new FakeGame().addServer("home", { maxRam: 64 });
  const ns = game.start("home", "s.js");
  const bitalloc = new FakeBitalloc(game);
  bitalloc.grant = () => ({ status: 201, body: { hosts: [] } });
  useEnvironment(ns, bitalloc.environment());

  const answer = await requestAllocation(ns, { filename: "s.js", chunkSize: 1.6, numChunks: 1 });
  assert.equal(answer.ok, false);
});

test("heartbeat and finish name the pid, script, target and lifecycle", async () => {
  const game = new FakeGame().addServer("home", { maxRam: 64 });
  const ns = game.start("home", "bitalloc/till.js", ["n00dles", 4]);
  const bitalloc = new FakeBitalloc(game);
  useEnvironment(ns, bitalloc.environment());
  await heartbeat(ns, "n00dles", "till");
  await taskFinished(ns, "n00dles", "till", "completed");

  assert.deepEqual(bitalloc.callsTo("POST", "/heartbeats")[0].body, { pid: ns.pid, filename: "bitalloc/till.js", target: "n00dles", lifecycle: "till" });
  assert.deepEqual(bitalloc.callsTo("POST", "/tasks/finished")[0].body,
    { pid: ns.pid, filename: "bitalloc/till.js", target: "n00dles", lifecycle: "till", outcome: "completed", detail: null });
});

test("the files to copy with a script are it and everything it imports, from the root", () => {
  const game = new FakeGame().addServer("home", { maxRam: 64 });
  game.putShippedScripts("home");
  const ns = game.start("home", "x.js");

  assert.deepEqual(scriptWithImports(ns, "bitalloc/till.js"), ["bitalloc/till.js", "bitalloc/task.js", "bitalloc/lib.js", "bitalloc/config.js"]);
  assert.deepEqual(scriptWithImports(ns, "bitalloc/hack.js"), ["bitalloc/hack.js"]);
});

// A stand-in for `bitalloc serve` behind a stubbed fetch: records every call (virtual time, headers, JSON body)
// and answers like the API of issue 6. Tests change answers through `respond` and `grant`.
export const BASE_URL = "http://bitalloc.test:8420";
export const TOKEN = "t0k3n";

export class FakeBitalloc {
  constructor(game) {
    this.game = game;
    this.calls = [];
    this.unanswered = [];
    this.reachable = () => true;
    this.respond = () => undefined;
    this.holdLongPolls = true;
    this.queuedCommands = [];
    this.pollWaiter = null;
    this.allocations = 0;
    this.grant = (body) => {
      const allocationId = `alloc-${++this.allocations}`;
      return { status: 201, body: { allocationId, tag: `--allocId=${allocationId}`, hosts: [{ hostname: "home", chunkSize: body.chunkSize, numChunks: body.numChunks }] } };
    };
    this.fetch = (url, init) => this.handle(url, init);
  }

  /** The environment a script under test runs with. */
  environment(extra = {}) {
    return { fetch: this.fetch, now: () => this.game.clock, baseUrl: BASE_URL, token: TOKEN, ...extra };
  }

  async handle(url, init = {}) {
    const parsed = new URL(url);
    const call = {
      method: init.method ?? "GET",
      path: parsed.pathname.replace(/^\/api\/v1/, ""),
      query: Object.fromEntries(parsed.searchParams),
      headers: init.headers ?? {},
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      at: this.game.clock,
      prefixed: parsed.pathname.startsWith("/api/v1/"),
    };
    if (!this.reachable(call)) {
      this.unanswered.push(call);
      throw new TypeError("fetch failed");
    }
    this.calls.push(call);
    const answer = this.respond(call) ?? (await this.defaultAnswer(call));
    if (answer.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { "Content-Type": answer.status >= 400 ? "application/problem+json" : "application/json" },
    });
  }

  async defaultAnswer(call) {
    const route = `${call.method} ${call.path}`;
    if (route === "POST /allocations") return this.grant(call.body);
    if (route === "GET /agent/commands") return this.longPoll();
    if (call.method === "DELETE") return { status: 204 };
    if (route === "POST /registrations" || route.endsWith("/claims")) return { status: 201, body: {} };
    if (route === "POST /scans") return { status: 200, body: { hosts: [] } };
    return { status: 200, body: {} };
  }

  longPoll() {
    if (this.queuedCommands.length > 0) return { status: 200, body: { commands: this.queuedCommands.splice(0) } };
    if (!this.holdLongPolls) return { status: 204 };
    return new Promise((resolve) => {
      this.pollWaiter = () => resolve({ status: 200, body: { commands: this.queuedCommands.splice(0) } });
    });
  }

  /** Hands commands to the agent: at once to a waiting long poll, else to the next one. */
  queueCommands(...commands) {
    this.queuedCommands.push(...commands);
    const waiter = this.pollWaiter;
    this.pollWaiter = null;
    waiter?.();
  }

  callsExactly(method, path) {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  callsTo(method, pathStart) {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathStart));
  }
}

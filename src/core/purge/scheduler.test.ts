import { describe, expect, it } from "vitest";
import { AuthError } from "../auth/errors";
import { batchShape } from "../graph/batch";
import type { ItemRef } from "../graph/types";
import { cancelledBeforeItem } from "./graphWording";
import {
  createRequestLedger,
  type ItemOutcome,
  type PurgeProgress,
  purgeItems,
  type ScheduleOptions,
} from "./scheduler";
import {
  FakeGraph,
  type FakeGraphOptions,
  type FakeGraph as FakeGraphType,
  graphErrorBody,
  message,
  messages,
  VirtualClock,
} from "./scheduler.testkit";

const T = 20; // server time per request
const RTT = 2;

function setup(fake: FakeGraphOptions = {}) {
  const clock = new VirtualClock();
  const graph = new FakeGraph(clock, { serverTimeMs: T, rttMs: RTT, ...fake });
  return { clock, graph };
}

async function run(
  items: readonly ItemRef[],
  env: { clock: VirtualClock; graph: FakeGraphType },
  options: Partial<ScheduleOptions> = {},
) {
  const startedAt = env.clock.now();
  const outcomes = await env.clock.run(
    purgeItems(items, { client: env.graph, clock: env.clock, random: () => 0.5, ...options }),
  );
  return { outcomes, wall: env.clock.now() - startedAt };
}

function statuses(outcomes: Map<string, ItemOutcome>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes.values()) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

const bound = (n: number) => Math.ceil(n / 4) * T;

describe("purgeItems: shape of the requests", () => {
  it("sends one plain permanentDelete for a single item, no batch", async () => {
    const env = setup();
    const { outcomes } = await run([message("only")], env);
    expect(env.graph.singleCalls.map((c) => c.itemId)).toEqual(["only"]);
    expect(env.graph.batchCalls).toHaveLength(0);
    expect(outcomes).toEqual(new Map([["only", { status: "purged" }]]));
  });

  it("sends more than 4 as fully sequential batches in 4 lanes, at most 20 each", async () => {
    const env = setup();
    const items = messages(45);
    const { outcomes } = await run(items, env);
    expect(env.graph.singleCalls).toHaveLength(0);
    // 45 dealt round robin to 4 lanes (12, 11, 11, 11): one batch each, all sent at once.
    expect(env.graph.batchCalls.map((c) => c.requests.length)).toEqual([12, 11, 11, 11]);
    expect(env.graph.batchCalls.every((c) => c.at === 0)).toBe(true);
    for (const { requests } of env.graph.batchCalls) {
      expect(batchShape(requests)).toBe("sequential");
      expect(requests.map((r) => r.dependsOn ?? [])).toEqual(
        requests.map((_, i) => (i === 0 ? [] : [String(i)])),
      );
      for (const r of requests) {
        expect(r).toMatchObject({
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: {},
        });
      }
    }
    const sent = env.graph.batchCalls.flatMap((c) => c.requests.map((r) => r.url.split("/")[3]));
    expect(sent.slice().sort()).toEqual(items.map((i) => i.id));
    expect(statuses(outcomes)).toEqual({ purged: 45 });
    expect([...outcomes.keys()]).toEqual(items.map((i) => i.id));
  });

  it.each([
    [20, 4],
    [100, 8],
    [1000, 52],
    [5000, 252],
  ])("N=%i takes %i requests (at most ceil(N/20) + 4), each lane's batches even", async (n, requests) => {
    const env = setup();
    await run(messages(n), env);
    expect(env.graph.batchCalls).toHaveLength(requests);
    expect(requests).toBeLessThanOrEqual(Math.ceil(n / 20) + 4);
    const sizes = env.graph.batchCalls.map((c) => c.requests.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("sends 3 or 4 items as one fully parallel batch", async () => {
    const env = setup();
    await run(messages(4), env);
    expect(env.graph.batchCalls).toHaveLength(1);
    expect(batchShape(env.graph.batchCalls[0]?.requests ?? [])).toBe("parallel");
    expect(env.graph.maxInFlight.get("me")).toBe(4);
  });

  it("sends 2 items as a batch of 2 independent members", async () => {
    const env = setup();
    await run(messages(2), env);
    expect(env.graph.batchCalls.map((c) => c.requests.map((r) => r.dependsOn))).toEqual([
      [undefined, undefined],
    ]);
  });

  it("deduplicates repeated ids: one request, one outcome", async () => {
    const env = setup();
    const { outcomes } = await run([message("A"), message("B"), message("A")], env);
    const sent = env.graph.batchCalls.flatMap((c) => c.requests.map((r) => r.url));
    expect(sent).toHaveLength(2);
    expect([...outcomes.keys()]).toEqual(["A", "B"]);
  });

  it("settles an item without a usable id without sending it", async () => {
    const env = setup();
    const { outcomes } = await run([message(""), message("B"), message("C")], env);
    expect(outcomes.get("")).toMatchObject({ status: "failed", problem: { kind: "bad-request" } });
    expect(env.graph.batchCalls.flatMap((c) => c.requests)).toHaveLength(2);
  });
});

describe("purgeItems: speed and limits", () => {
  it.each([
    [20, 1.5],
    [100, 1.15],
    [1000, 1.15],
  ])("N=%i reaches the bound ceil(N/4)·t within %f, with zero 429s", async (n, ratio) => {
    const env = setup();
    const { outcomes, wall } = await run(messages(n), env);
    expect(statuses(outcomes)).toEqual({ purged: n });
    expect(env.graph.caused429).toEqual([]);
    expect(wall / bound(n)).toBeLessThanOrEqual(ratio);
    expect(env.graph.maxInFlight.get("me")).toBe(4);
  });

  it("never has more than the cap in flight per mailbox, mailboxes independently", async () => {
    const env = setup();
    const sales = { kind: "user", id: "sales@contoso.com" } as const;
    const items = [...messages(150, "a"), ...messages(130, "s", sales), ...messages(3, "b")];
    const { outcomes } = await run(items, env);
    expect(statuses(outcomes)).toEqual({ purged: 283 });
    expect(env.graph.maxInFlight.get("me")).toBe(4);
    expect(env.graph.maxInFlight.get("users/sales@contoso.com")).toBe(4);
    expect(env.graph.caused429).toEqual([]);
    // Both mailboxes ran side by side: the whole run took about as long as the bigger one alone.
    expect(env.clock.now()).toBeLessThan(bound(153) * 1.15);
  });

  it("honours a smaller cap", async () => {
    const env = setup({ concurrencyLimit: 2 });
    const { outcomes } = await run(messages(60), env, { maxConcurrentPerMailbox: 2 });
    expect(statuses(outcomes)).toEqual({ purged: 60 });
    expect(env.graph.maxInFlight.get("me")).toBe(2);
    expect(env.graph.caused429).toEqual([]);
  });

  it("paces a small budget: no window over it, no 429 ever caused", async () => {
    const budget = { requests: 30, windowMs: 1000 };
    const env = setup({ budget });
    const { outcomes, wall } = await run(messages(100), env, { budget });
    expect(statuses(outcomes)).toEqual({ purged: 100 });
    expect(env.graph.caused429).toEqual([]);
    expect(env.graph.maxInWindow("me", budget.windowMs)).toBeLessThanOrEqual(30);
    // And it does use the budget: 100 requests need at least 3 windows, and not many more.
    expect(wall).toBeGreaterThanOrEqual(3000);
    expect(wall).toBeLessThan(4000);
  });

  it("with a shared ledger, a second run counts the first run's requests against the budget", async () => {
    const budget = { requests: 30, windowMs: 1000 };
    const env = setup({ budget });
    const ledger = createRequestLedger();
    await run(messages(28, "a"), env, { budget, ledger });
    const firstEnded = env.clock.now();
    const { outcomes } = await run(messages(8, "b"), env, { budget, ledger });
    expect(statuses(outcomes)).toEqual({ purged: 8 });
    expect(env.graph.caused429).toEqual([]);
    expect(env.graph.maxInWindow("me", budget.windowMs)).toBeLessThanOrEqual(30);
    // Only 2 fit at once after the first run's 28; the rest waited for the window to move on.
    const later = env.graph.runs.filter((r) => r.itemId.startsWith("b") && r.start >= firstEnded + 900);
    expect(later.length).toBeGreaterThan(0);

    // Without the ledger the second run would not have known, and the fake Exchange would have said 429.
    const fresh = setup({ budget });
    await run(messages(28, "a"), fresh, { budget });
    await run(messages(8, "b"), fresh, { budget });
    expect(fresh.graph.caused429.length).toBeGreaterThan(0);
  });

  it("does nothing for no items", async () => {
    const env = setup();
    const { outcomes } = await run([], env);
    expect(outcomes.size).toBe(0);
    expect(env.graph.batchCalls).toHaveLength(0);
  });

  it("counts the budget per mailbox", async () => {
    const budget = { requests: 20, windowMs: 1000 };
    const env = setup({ budget });
    const sales = { kind: "user", id: "sales@contoso.com" } as const;
    const { outcomes, wall } = await run([...messages(20, "a"), ...messages(20, "s", sales)], env, {
      budget,
    });
    expect(statuses(outcomes)).toEqual({ purged: 40 });
    expect(wall).toBeLessThan(1000); // neither mailbox waited for the other's budget
  });
});

describe("purgeItems: per-member answers", () => {
  it("a failed member makes the rest of its sequential batch answer 424; those go again and are purged", async () => {
    const env = setup({
      plan: (id) => (id === "m0000" ? { status: 403, body: graphErrorBody("ErrorAccessDenied") } : undefined),
    });
    const items = messages(20);
    const { outcomes } = await run(items, env);
    expect(outcomes.get("m0000")).toMatchObject({
      status: "failed",
      problem: { kind: "forbidden", code: "ErrorAccessDenied" },
    });
    // m0000 heads lane 0 (m0000, m0004, m0008, m0012, m0016): the other four answered 424 without running.
    const rest = ["m0004", "m0008", "m0012", "m0016"];
    for (const id of rest) expect(outcomes.get(id)).toEqual({ status: "purged" });
    for (const id of rest) expect(env.graph.executionsOf(id)).toBe(1);
    expect(statuses(outcomes)).toEqual({ purged: 19, failed: 1 });
    expect(env.graph.batchCalls).toHaveLength(5);
    expect(env.graph.batchCalls[4]?.requests.map((r) => r.url.split("/")[3])).toEqual(rest);
  });

  it("retries a 429 member after its own Retry-After while the rest goes on", async () => {
    const env = setup({
      plan: (id, n) =>
        id === "m0001" && n === 1
          ? { status: 429, headers: { "Retry-After": "7" }, body: graphErrorBody("ApplicationThrottled") }
          : undefined,
    });
    const { outcomes } = await run(messages(60), env);
    expect(statuses(outcomes)).toEqual({ purged: 60 });
    const runs = env.graph.runs.filter((r) => r.itemId === "m0001");
    expect(runs.map((r) => r.status)).toEqual([429, 204]);
    // Its second try came 7 s after the answer that carried the 429 (the rest of its batch 424s at once) ...
    const answered = (runs[0]?.end ?? 0) + RTT / 2;
    expect(runs[1]?.start).toBeGreaterThanOrEqual(answered + 7000);
    expect(runs[1]?.start).toBeLessThan(answered + 7000 + 2 * T);
    // ... and the other items did not wait for it.
    const others = env.graph.runs.filter((r) => r.itemId !== "m0001");
    expect(Math.max(...others.map((r) => r.end))).toBeLessThan(7000);
  });

  it("backs off on a 503 without Retry-After and gives up after maxAttempts", async () => {
    const env = setup({
      plan: (id) =>
        id === "m0002" ? { status: 503, body: graphErrorBody("ServiceUnavailable") } : undefined,
    });
    const { outcomes } = await run(messages(8), env, { maxAttempts: 3 });
    expect(env.graph.executionsOf("m0002")).toBe(3);
    expect(outcomes.get("m0002")).toMatchObject({
      status: "failed",
      problem: { kind: "unavailable", status: 503 },
    });
    expect(statuses(outcomes)).toEqual({ purged: 7, failed: 1 });
    const starts = env.graph.runs.filter((r) => r.itemId === "m0002").map((r) => r.start);
    // random() = 0.5: backoff 500 ms, then 1000 ms (full jitter, doubling).
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(500);
    expect((starts[2] ?? 0) - (starts[1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("a 504 member that did run comes back 404 and is not reported as purged", async () => {
    const env = setup({
      plan: (id, n) => (id === "m0003" && n === 1 ? { status: 504, ran: true } : undefined),
    });
    const { outcomes } = await run(messages(8), env);
    const outcome = outcomes.get("m0003");
    expect(outcome).toMatchObject({ status: "already-gone" });
    expect(outcome?.status === "already-gone" && outcome.message).toContain("probably deleted it");
  });

  it("puts an item that may already be gone last in its batch, so its 404 stops nobody behind it", async () => {
    // One lane of 5. m0000's 504 (after Exchange did delete it) makes it a likely 404, and makes the other four
    // answer 424. The budget holds the second batch back until m0000's backoff is over, so all five go together.
    const budget = { requests: 5, windowMs: 1000 };
    const env = setup({
      budget,
      plan: (id, n) => (id === "m0000" && n === 1 ? { status: 504, ran: true } : undefined),
    });
    const { outcomes } = await run(messages(5), env, { budget, maxConcurrentPerMailbox: 1 });
    expect(env.graph.batchCalls).toHaveLength(2);
    const second = env.graph.batchCalls[1]?.requests ?? [];
    expect(second.map((r) => r.url.split("/")[3])).toEqual(["m0001", "m0002", "m0003", "m0004", "m0000"]);
    expect(batchShape(second)).toBe("sequential");
    expect(statuses(outcomes)).toEqual({ purged: 4, "already-gone": 1 });
  });

  it("does not wait for a Retry-After beyond maxRetryDelayMs", async () => {
    const env = setup({
      plan: (id) =>
        id === "m0000"
          ? { status: 429, headers: { "Retry-After": "600" }, body: graphErrorBody("ApplicationThrottled") }
          : undefined,
    });
    const { outcomes, wall } = await run(messages(4), env);
    expect(outcomes.get("m0000")).toMatchObject({
      status: "failed",
      problem: { kind: "throttled", retryAfterMs: 600_000 },
    });
    expect(wall).toBeLessThan(1000);
  });

  it.each([
    ["left out of the answer", { delivery: "omit" as const }],
    ["repeated in the answer", { delivery: "duplicate" as const }],
  ])("a member %s is never purged; a retry finds it gone", async (_, delivery) => {
    const env = setup({
      plan: (id, n) => (id === "m0001" && n === 1 ? { status: 204, ...delivery } : undefined),
    });
    const { outcomes } = await run(messages(6), env);
    expect(env.graph.purged.has("m0001")).toBe(true); // Exchange did it ...
    const outcome = outcomes.get("m0001");
    expect(outcome?.status).toBe("already-gone"); // ... but no 204 reached us for it
    expect(outcome?.status === "already-gone" && outcome.message).toContain("probably deleted it");
    expect(statuses(outcomes)).toEqual({ purged: 5, "already-gone": 1 });
  });

  it.each([["invalid-json" as const], ["foreign-id" as const]])(
    "a batch answer with %s purges nothing; the retry reports its items gone",
    async (kind) => {
      const env = setup({ batchFault: (call) => (call === 1 ? { kind } : undefined) });
      const items = messages(8); // lane 0: m0000, m0004 (the faulted first call)
      const { outcomes } = await run(items, env);
      for (const id of ["m0000", "m0004"]) {
        const outcome = outcomes.get(id);
        expect(outcome?.status).toBe("already-gone");
        expect(outcome?.status === "already-gone" && outcome.message).toContain("probably deleted it");
        expect(env.graph.delivered204.has(id)).toBe(false);
      }
      expect(statuses(outcomes)).toEqual({ purged: 6, "already-gone": 2 });
    },
  );
});

describe("purgeItems: top-level failures", () => {
  it("a batch dropped on the wire is not resent: each member may or may not have been deleted", async () => {
    const env = setup({ batchFault: (call) => (call === 1 ? { kind: "drop" } : undefined) });
    const { outcomes } = await run(messages(24), env);
    expect(env.graph.batchCalls.map((c) => c.requests.length)).toEqual([6, 6, 6, 6]);
    const dropped = (env.graph.batchCalls[0]?.requests ?? []).map((r) => r.url.split("/")[3] ?? "");
    for (const id of dropped) {
      const outcome = outcomes.get(id);
      expect(outcome).toMatchObject({ status: "failed", problem: { kind: "network" } });
      expect(outcome?.status === "failed" && outcome.problem.message).toContain("may or may not");
    }
    expect(statuses(outcomes)).toEqual({ failed: 6, purged: 18 });
  });

  it("a top-level 429 waits and resends the same members", async () => {
    const env = setup({
      batchFault: (call) => (call === 1 ? { kind: "status", status: 429, retryAfterMs: 5000 } : undefined),
    });
    const { outcomes } = await run(messages(10), env);
    expect(statuses(outcomes)).toEqual({ purged: 10 });
    const first = env.graph.batchCalls[0];
    const again = env.graph.batchCalls.find(
      (c, i) => i > 0 && c.requests[0]?.url === first?.requests[0]?.url,
    );
    expect(again?.requests.map((r) => r.url)).toEqual(first?.requests.map((r) => r.url));
    expect((again?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(5000);
  });

  it("a top-level 401 after the refresh fails that batch and stops the run", async () => {
    const env = setup({
      batchFault: (call) => (call === 2 ? { kind: "status", status: 401 } : undefined),
    });
    // 4 lanes of 50, each sending 17, 17, 16: the first four batches are in flight when lane 1's gets its 401.
    const { outcomes } = await run(messages(200), env);
    expect(env.graph.batchCalls).toHaveLength(4);
    expect(statuses(outcomes)).toEqual({ purged: 51, failed: 17, "not-attempted": 132 });
  });
});

describe("purgeItems: sign-in failures", () => {
  it("an AuthError mid-run ends it: the rest not attempted with the sign-in message; resolves", async () => {
    const env = setup({ batchFault: (call) => (call === 3 ? { kind: "auth" } : undefined) });
    // 4 lanes of 18, 18, 17, 17: one batch each; lane 2's finds no token.
    const { outcomes } = await run(messages(70), env);
    expect(env.graph.batchCalls).toHaveLength(3);
    expect(statuses(outcomes)).toEqual({ purged: 53, "not-attempted": 17 });
    expect(outcomes.get("m0002")).toEqual({ status: "not-attempted", message: "Sign in to continue." });
    expect(outcomes.size).toBe(70);
  });

  it("rethrows an AuthError when nothing was sent", async () => {
    const env = setup({ batchFault: () => ({ kind: "auth" }) });
    await expect(run(messages(30), env)).rejects.toBeInstanceOf(AuthError);
  });

  it("rethrows an AuthError from the single-item path", async () => {
    const env = setup();
    env.graph.permanentDelete = async () => {
      throw new AuthError("interaction-required", "Sign in.");
    };
    await expect(run([message("A")], env)).rejects.toBeInstanceOf(AuthError);
  });
});

describe("purgeItems: cancel", () => {
  it("sends nothing after the abort; the batch in flight finishes and counts; the rest is not attempted", async () => {
    const controller = new AbortController();
    const env = setup({ onBatch: (call) => (call === 2 ? controller.abort() : undefined) });
    const seen: string[] = [];
    // 4 lanes of 23, 23, 22, 22, each sending 12 then the rest: cancelled as lane 1 sends its first batch.
    const { outcomes } = await run(messages(90), env, {
      signal: controller.signal,
      onItem: (id) => seen.push(id),
    });
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(statuses(outcomes)).toEqual({ purged: 24, "not-attempted": 66 });
    expect(outcomes.get("m0089")).toEqual({ status: "not-attempted", message: cancelledBeforeItem() });
    expect(seen).toHaveLength(90);
    expect(new Set(seen).size).toBe(90);

    // Running again with what is left continues where it stopped.
    const rest = messages(90).filter((i) => outcomes.get(i.id)?.status === "not-attempted");
    const again = await run(rest, env);
    expect(statuses(again.outcomes)).toEqual({ purged: 66 });
    expect(env.graph.purged.size).toBe(90);
  });

  it("cancelling during a Retry-After wait ends the run at once and sends nothing more", async () => {
    const controller = new AbortController();
    const env = setup({
      plan: (id) =>
        id === "m0000"
          ? { status: 429, headers: { "Retry-After": "30" }, body: graphErrorBody("ApplicationThrottled") }
          : undefined,
    });
    const { outcomes, wall } = await run(messages(3), env, {
      signal: controller.signal,
      onProgress: (p) => (p.purged === 2 ? controller.abort() : undefined),
    });
    expect(wall).toBeLessThan(1000);
    expect(env.graph.batchCalls).toHaveLength(1);
    // Its only answer was a 429: it was never carried out, so it reads as not attempted, like unsent items.
    expect(outcomes.get("m0000")).toEqual({ status: "not-attempted", message: cancelledBeforeItem() });
  });

  it("an abort before the start sends nothing", async () => {
    const env = setup();
    const { outcomes } = await run(messages(5), env, { signal: AbortSignal.abort() });
    expect(env.graph.batchCalls).toHaveLength(0);
    expect(statuses(outcomes)).toEqual({ "not-attempted": 5 });
  });
});

describe("purgeItems: progress", () => {
  it("reports after every settled item, with an ETA from the observed rate", async () => {
    const env = setup();
    const progress: PurgeProgress[] = [];
    // 4 lanes of 50, each sending 17, 17, 16: 68 settle together after the first round.
    await run(messages(200), env, { onProgress: (p) => progress.push({ ...p }) });
    expect(progress).toHaveLength(200);
    expect(progress.map((p) => p.left)).toEqual(Array.from({ length: 200 }, (_, i) => 199 - i));
    const afterFirstRound = progress[67];
    expect(afterFirstRound).toMatchObject({ total: 200, purged: 68, left: 132 });
    expect(afterFirstRound?.etaMs).toBe(Math.round((132 * (17 * T + RTT)) / 68));
    expect(progress.at(-1)).toEqual({
      total: 200,
      purged: 200,
      alreadyGone: 0,
      failed: 0,
      notAttempted: 0,
      left: 0,
      etaMs: 0,
    });
  });
});

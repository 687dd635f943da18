import { describe, expect, it } from "vitest";
import { AuthError } from "../auth/errors";
import { cancelledBeforeItem } from "../graph/outcome";
import type { ItemRef } from "../graph/types";
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

  it("batches two or more, at most 20 each, as 4 dependsOn chains", async () => {
    const env = setup();
    const items = messages(45);
    const { outcomes } = await run(items, env);
    expect(env.graph.singleCalls).toHaveLength(0);
    expect(env.graph.batchCalls.map((c) => c.requests.length)).toEqual([20, 20, 5]);
    const first = env.graph.batchCalls[0]?.requests ?? [];
    expect(first.map((r) => r.dependsOn ?? [])).toEqual([
      [],
      [],
      [],
      [],
      ...Array.from({ length: 16 }, (_, i) => [String(i + 1)]),
    ]);
    for (const r of first) {
      expect(r).toMatchObject({ method: "POST", headers: { "Content-Type": "application/json" }, body: {} });
    }
    expect(statuses(outcomes)).toEqual({ purged: 45 });
    expect([...outcomes.keys()]).toEqual(items.map((i) => i.id));
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
  it("a failed member's chain answers 424; those go back in the queue and are purged, not failed", async () => {
    const env = setup({
      plan: (id) => (id === "m0000" ? { status: 403, body: graphErrorBody("ErrorAccessDenied") } : undefined),
    });
    const items = messages(20);
    const { outcomes } = await run(items, env);
    expect(outcomes.get("m0000")).toMatchObject({
      status: "failed",
      problem: { kind: "forbidden", code: "ErrorAccessDenied" },
    });
    // m0000 heads chain 1 (members 1, 5, 9, 13, 17): the other four answered 424 and went again.
    const chain = ["m0004", "m0008", "m0012", "m0016"];
    for (const id of chain) expect(outcomes.get(id)).toEqual({ status: "purged" });
    expect(statuses(outcomes)).toEqual({ purged: 19, failed: 1 });
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(env.graph.batchCalls[1]?.requests.map((r) => r.url.split("/")[3])).toEqual(chain);
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
    const firstBatchAnswered = (env.graph.batchCalls[1]?.at ?? 0) as number;
    // Its second try came 7 s after the answer that carried the 429, not before ...
    expect(runs[1]?.start).toBeGreaterThanOrEqual(firstBatchAnswered + 7000);
    expect(runs[1]?.start).toBeLessThan(firstBatchAnswered + 7000 + 2 * T);
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

  it("puts an item that may already be gone at a chain end, so its 404 costs no 424s", async () => {
    // m0016 ends chain 1 of the first batch; its 504 (after Exchange did delete it) makes it a likely 404.
    // The budget holds the second batch back until m0016's backoff is over, so both go together.
    const budget = { requests: 20, windowMs: 1000 };
    const env = setup({
      budget,
      plan: (id, n) => (id === "m0016" && n === 1 ? { status: 504, ran: true } : undefined),
    });
    const { outcomes } = await run(messages(24), env, { budget });
    const second = env.graph.batchCalls[1]?.requests ?? [];
    expect(second.map((r) => r.url.split("/")[3])).toEqual(["m0020", "m0021", "m0022", "m0023", "m0016"]);
    expect(second[4]?.dependsOn).toEqual(["1"]);
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(env.graph.runs.some((r) => r.status === 424)).toBe(false);
    expect(statuses(outcomes)).toEqual({ purged: 23, "already-gone": 1 });
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
    "a batch answer with %s purges nothing; the retry reports the items gone",
    async (kind) => {
      const env = setup({ batchFault: (call) => (call === 1 ? { kind } : undefined) });
      const { outcomes } = await run(messages(5), env);
      expect(statuses(outcomes)).toEqual({ "already-gone": 5 });
      expect(env.graph.delivered204.size).toBe(0);
      // The retry: 4 chains, the fifth item behind a 404 answers 424 and goes once more.
      expect(env.graph.batchCalls.map((c) => c.requests.length)).toEqual([5, 5, 1]);
    },
  );
});

describe("purgeItems: top-level failures", () => {
  it("a batch dropped on the wire is not resent: each member may or may not have been deleted", async () => {
    const env = setup({ batchFault: (call) => (call === 1 ? { kind: "drop" } : undefined) });
    const { outcomes } = await run(messages(24), env);
    expect(env.graph.batchCalls.map((c) => c.requests.length)).toEqual([20, 4]);
    for (const item of messages(20)) {
      const outcome = outcomes.get(item.id);
      expect(outcome).toMatchObject({ status: "failed", problem: { kind: "network" } });
      expect(outcome?.status === "failed" && outcome.problem.message).toContain("may or may not");
    }
    expect(statuses(outcomes)).toEqual({ failed: 20, purged: 4 });
  });

  it("a top-level 429 waits and resends the same members", async () => {
    const env = setup({
      batchFault: (call) => (call === 1 ? { kind: "status", status: 429, retryAfterMs: 5000 } : undefined),
    });
    const { outcomes } = await run(messages(10), env);
    expect(statuses(outcomes)).toEqual({ purged: 10 });
    const [first, second] = env.graph.batchCalls;
    expect(second?.requests.map((r) => r.url)).toEqual(first?.requests.map((r) => r.url));
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(5000);
  });

  it("a top-level 401 after the refresh fails that batch and stops the run", async () => {
    const env = setup({
      batchFault: (call) => (call === 2 ? { kind: "status", status: 401 } : undefined),
    });
    const { outcomes } = await run(messages(50), env);
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(statuses(outcomes)).toEqual({ purged: 20, failed: 20, "not-attempted": 10 });
  });
});

describe("purgeItems: sign-in failures", () => {
  it("an AuthError mid-run ends it: the rest not attempted with the sign-in message; resolves", async () => {
    const env = setup({ batchFault: (call) => (call === 3 ? { kind: "auth" } : undefined) });
    const { outcomes } = await run(messages(70), env);
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(statuses(outcomes)).toEqual({ purged: 40, "not-attempted": 30 });
    expect(outcomes.get("m0069")).toEqual({ status: "not-attempted", message: "Sign in to continue." });
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
    const { outcomes } = await run(messages(90), env, {
      signal: controller.signal,
      onItem: (id) => seen.push(id),
    });
    expect(env.graph.batchCalls).toHaveLength(2);
    expect(statuses(outcomes)).toEqual({ purged: 40, "not-attempted": 50 });
    expect(outcomes.get("m0089")).toEqual({ status: "not-attempted", message: cancelledBeforeItem() });
    expect(seen).toHaveLength(90);
    expect(new Set(seen).size).toBe(90);

    // Running again with what is left continues where it stopped.
    const rest = messages(90).filter((i) => outcomes.get(i.id)?.status === "not-attempted");
    const again = await run(rest, env);
    expect(statuses(again.outcomes)).toEqual({ purged: 50 });
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
    await run(messages(60), env, { onProgress: (p) => progress.push({ ...p }) });
    expect(progress).toHaveLength(60);
    expect(progress.map((p) => p.left)).toEqual(Array.from({ length: 60 }, (_, i) => 59 - i));
    const afterFirstBatch = progress[19];
    // 20 items in one batch of 5t + rtt = 102 ms: 40 left at that rate is about 204 ms.
    expect(afterFirstBatch).toMatchObject({ total: 60, purged: 20, left: 40 });
    expect(afterFirstBatch?.etaMs).toBe(Math.round((40 * (5 * T + RTT)) / 20));
    expect(progress.at(-1)).toEqual({
      total: 60,
      purged: 60,
      alreadyGone: 0,
      failed: 0,
      notAttempted: 0,
      left: 0,
      etaMs: 0,
    });
  });
});

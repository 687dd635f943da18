/**
 * Property: whatever Exchange answers (per-member faults, broken batch answers, dropped or refused batches),
 * every distinct id ends with exactly one outcome, "purged" exactly when a 204 for it reached the client, and
 * the scheduler itself never causes a 429 or more than 4 requests in flight per mailbox.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemRef } from "../graph/types";
import { purgeItems } from "./scheduler";
import { type BatchFault, FakeGraph, graphErrorBody, type Step, VirtualClock } from "./scheduler.testkit";

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((s) => ({
    status: 429,
    headers: { "Retry-After": String(s) },
    body: graphErrorBody("ApplicationThrottled"),
  })),
  fc.constant({ status: 503 }),
  fc.boolean().map((ran) => ({ status: 504, ran })),
  fc.constant({ status: 404, body: graphErrorBody("ErrorItemNotFound") }),
  fc.constant({ status: 404, body: graphErrorBody("ErrorInvalidMailboxItemId") }),
  fc.constant({ status: 403, body: graphErrorBody("ErrorAccessDenied") }),
  fc.constant({ status: 400, body: graphErrorBody("ErrorInvalidIdMalformed") }),
  fc.constant({ status: 500 }),
  fc.constant({ status: 200, body: {} }),
  fc.constant({ status: 204, delivery: "omit" as const }),
  fc.constant({ status: 204, delivery: "duplicate" as const }),
);

const faultArb: fc.Arbitrary<BatchFault | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 12 },
  { arbitrary: fc.constant({ kind: "drop" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "invalid-json" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "foreign-id" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "status" as const, status: 429, retryAfterMs: 1000 }), weight: 1 },
  { arbitrary: fc.constant({ kind: "status" as const, status: 503 }), weight: 1 },
);

const scenarioArb = fc.record({
  // Indices into a pool of ids: repeats are duplicated input ids; the flag picks the mailbox.
  picks: fc.array(fc.record({ index: fc.integer({ min: 0, max: 59 }), shared: fc.boolean() }), {
    minLength: 1,
    maxLength: 70,
  }),
  plans: fc.dictionary(
    fc.integer({ min: 0, max: 59 }).map(String),
    fc.array(stepArb, { minLength: 1, maxLength: 3 }),
  ),
  faults: fc.array(faultArb, { minLength: 0, maxLength: 12 }),
  maxAttempts: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe("purgeItems: outcomes over random fault plans", () => {
  it("every id gets exactly one outcome, purged exactly when its 204 was answered", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ picks, plans, faults, maxAttempts, seed }) => {
        const clock = new VirtualClock();
        const graph = new FakeGraph(clock, {
          serverTimeMs: 20,
          rttMs: 2,
          seed,
          plan: (id, n) => plans[id.slice(1)]?.[n - 1],
          batchFault: (call) => faults[call - 1],
        });
        // The mailbox is decided by the first occurrence of an id (the same id twice is the same item).
        const items: ItemRef[] = picks.map(({ index, shared }) => ({
          kind: "message",
          id: `p${index}`,
          mailbox: shared ? { kind: "user", id: "sales@contoso.com" } : { kind: "me" },
        }));
        const outcomes = await clock.run(
          purgeItems(items, { client: graph, clock, maxAttempts, random: () => 0.3 }),
        );

        const distinct = [...new Set(items.map((i) => i.id))];
        expect([...outcomes.keys()]).toEqual(distinct);
        for (const id of distinct) {
          const outcome = outcomes.get(id);
          expect(outcome).toBeDefined();
          expect(outcome?.status === "purged").toBe(graph.delivered204.has(id));
          if (outcome?.status === "purged") expect(graph.purged.has(id)).toBe(true);
          expect(graph.executionsOf(id)).toBeLessThanOrEqual(maxAttempts);
        }
        expect(graph.caused429).toEqual([]);
        for (const n of graph.maxInFlight.values()) expect(n).toBeLessThanOrEqual(4);
      }),
      { seed: 20261123, numRuns: 150 },
    );
  });
});

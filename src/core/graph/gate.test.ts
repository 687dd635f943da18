import { describe, expect, it } from "vitest";
import { createGraphClient } from "./client";
import { batchSlots, createGate } from "./gate";
import { recordingTokens } from "./testkit";
import type { ItemRef } from "./types";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the mailbox gate", () => {
  it("never hands out more than its capacity, and serves waiters in order (a large one isn't overtaken)", async () => {
    const gate = createGate(4);
    const order: string[] = [];
    const a = await gate.acquire(3);
    const big = gate.acquire(4).then((release) => {
      order.push("big");
      return release;
    });
    const small = gate.acquire(1).then((release) => {
      order.push("small");
      return release;
    });
    await tick();
    // One slot is free, but the 4-slot request came first: the 1-slot one waits behind it.
    expect(order).toEqual([]);
    expect(gate.inUse).toBe(3);
    a();
    const releaseBig = await big;
    expect(order).toEqual(["big"]);
    expect(gate.inUse).toBe(4);
    releaseBig();
    releaseBig(); // a second release changes nothing
    (await small)();
    expect(order).toEqual(["big", "small"]);
    expect(gate.inUse).toBe(0);
  });

  it("drops a waiter whose signal aborts, and lets the next one through", async () => {
    const gate = createGate(1);
    const held = await gate.acquire(1);
    const controller = new AbortController();
    const cancelled = gate.acquire(1, controller.signal);
    const next = gate.acquire(1);
    controller.abort();
    await expect(cancelled).rejects.toBeDefined();
    held();
    (await next)();
    expect(gate.inUse).toBe(0);
  });

  it("counts a $batch as one slot per dependsOn chain, at most 4", () => {
    const chain = (n: number, k: number) =>
      Array.from({ length: k }, (_, i) => ({
        id: `${n}-${i}`,
        ...(i > 0 ? { dependsOn: [`${n}-${i - 1}`] } : {}),
      }));
    expect(batchSlots([...chain(1, 5), ...chain(2, 5), ...chain(3, 5), ...chain(4, 5)])).toBe(4);
    expect(batchSlots(chain(1, 3))).toBe(1);
    expect(batchSlots(Array.from({ length: 20 }, (_, i) => ({ id: String(i) })))).toBe(4);
  });
});

describe("Graph clients sharing a gate", () => {
  const item = (id: string): ItemRef => ({ kind: "message", id, mailbox: { kind: "me" } });

  /** A fetch that answers only when told to, and records what was sent. */
  function heldFetch() {
    const sent: string[] = [];
    const answers: (() => void)[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      sent.push(String(input));
      await new Promise<void>((resolve) => answers.push(resolve));
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    return { fetch, sent, answerNext: () => answers.shift()?.() };
  }

  it("holds a request until another client's request on the same mailbox is answered", async () => {
    const gate = createGate(1);
    const { fetch, sent, answerNext } = heldFetch();
    const one = createGraphClient({ tokens: recordingTokens(), fetch, gate });
    const two = createGraphClient({ tokens: recordingTokens(), fetch, gate });
    const first = one.permanentDelete(item("A"));
    const second = two.permanentDelete(item("B"));
    for (let i = 0; i < 5; i++) await tick();
    expect(sent).toHaveLength(1);
    answerNext();
    expect((await first).status).toBe("purged");
    for (let i = 0; i < 5; i++) await tick();
    expect(sent).toHaveLength(2);
    answerNext();
    expect((await second).status).toBe("purged");
  });

  it("sends nothing for a request cancelled while it waited for room", async () => {
    const gate = createGate(1);
    const { fetch, sent, answerNext } = heldFetch();
    const client = createGraphClient({ tokens: recordingTokens(), fetch, gate });
    const first = client.permanentDelete(item("A"));
    const controller = new AbortController();
    const second = client.permanentDelete(item("B"), { stopRetries: controller.signal });
    for (let i = 0; i < 5; i++) await tick();
    controller.abort();
    const outcome = await second;
    expect(outcome.status).toBe("failed");
    answerNext();
    await first;
    expect(sent).toHaveLength(1);
    expect(gate.inUse).toBe(0);
  });
});

/**
 * The scheduler with the real Graph client against the Graph emulator (dev/emulator): real HTTP, real $batch
 * parsing, Exchange's 4-per-mailbox limit enforced by the server (members beyond it get 429), answers shuffled.
 * Test-only import of the emulator; shipped code never imports it.
 */
import { describe, expect, it } from "vitest";
import { emulatorForThisFile } from "../../../dev/emulator/testkit";
import { createGraphClient } from "../graph/client";
import type { ItemRef } from "../graph/types";
import { purgeItems } from "./scheduler";

const emu = emulatorForThisFile(
  { requestTimeMs: 20 },
  { settings: { requestTimeMs: 20, batchMode: "throttle", batchOrder: "shuffle" } },
);

function client() {
  const { accessToken } = emu.control.mintToken({ scopes: ["Mail.ReadWrite"] });
  return createGraphClient({ baseUrl: emu.url, tokens: { getToken: async () => accessToken } });
}

describe("purgeItems against the Graph emulator", () => {
  it("purges 200 messages with zero 429s; the emulator's purges are exactly those ids", async () => {
    const listing = emu.control.messages();
    expect(listing.length).toBeGreaterThanOrEqual(200);
    const items: ItemRef[] = listing
      .slice(0, 200)
      .map((m) => ({ kind: "message", id: m.id, mailbox: { kind: "me" } }));

    const outcomes = await purgeItems(items, { client: client() });

    expect(outcomes.size).toBe(200);
    expect([...outcomes.values()].every((o) => o.status === "purged")).toBe(true);
    const log = emu.control.requests();
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    // 4 lanes of 50, each as 17, 17, 16: ceil(200/20) + 2 requests, within ceil(N/20) + 4.
    expect(log.filter((r) => r.op === "$batch").length).toBe(12);
    const purged = emu.control.purges().map((p) => p.id);
    expect(purged.slice().sort()).toEqual(items.map((i) => i.id).sort());
    // Each message was deleted by exactly one request.
    const deletes = log.filter((r) => r.op === "permanentDelete");
    expect(deletes).toHaveLength(200);
  });

  it("a single message goes as one plain permanentDelete", async () => {
    const [first] = emu.control.messages();
    if (first === undefined) throw new Error("no seeded message");
    const outcomes = await purgeItems([{ kind: "message", id: first.id, mailbox: { kind: "me" } }], {
      client: client(),
    });
    expect(outcomes.get(first.id)).toEqual({ status: "purged" });
    expect(emu.control.requests().map((r) => [r.op, r.batchMember])).toEqual([["permanentDelete", false]]);
  });

  it("retries members the emulator throttles by its own fault plan, after their Retry-After", async () => {
    const items: ItemRef[] = emu.control
      .messages()
      .slice(0, 8)
      .map((m) => ({ kind: "message", id: m.id, mailbox: { kind: "me" } }));
    const target = items[2]?.id ?? "";
    emu.control.addFault({
      target: "member",
      itemId: target,
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 1 } },
    });
    const outcomes = await purgeItems(items, { client: client() });
    expect([...outcomes.values()].every((o) => o.status === "purged")).toBe(true);
    const tries = emu.control.requests().filter((r) => r.itemId === target && r.op === "permanentDelete");
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    const gap = Date.parse(tries[1]?.startedAt ?? "") - Date.parse(tries[0]?.endedAt ?? "");
    expect(gap).toBeGreaterThanOrEqual(990); // waited its own Retry-After (1 s)
  });
});

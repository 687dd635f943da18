/**
 * Cancel means "nothing new is sent": a batch (or single delete) that Graph refused as a whole (429/503 with
 * Retry-After, or 401 before a token refresh) ran nothing, so sending it again after the person cancelled is new
 * work. The client must neither wait out Retry-After nor refresh the token and resend once the run is cancelled:
 * that would delete messages the person had just stopped.
 */
import { describe, expect, it } from "vitest";
import { emulatorForThisFile } from "../../../dev/emulator/testkit";
import { createGraphClient } from "../graph/client";
import type { ItemRef } from "../graph/types";
import { purgeItems } from "./scheduler";

const emu = emulatorForThisFile();

function items(n: number): ItemRef[] {
  return emu.control
    .messages({ folder: "inbox" })
    .slice(0, n)
    .map((m) => ({ kind: "message", id: m.id, mailbox: { kind: "me" } }));
}

function token(): string {
  return emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
}

describe("purgeItems: cancel while the client waits to resend", () => {
  it("a $batch refused with 429: cancelled during its Retry-After wait, it is not sent again", async () => {
    emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 5 } },
    });
    const controller = new AbortController();
    const waits: number[] = [];
    const client = createGraphClient({
      baseUrl: emu.url,
      tokens: { getToken: async () => token() },
      // The person presses Cancel while the client waits out Retry-After.
      sleep: async (ms) => {
        waits.push(ms);
        controller.abort();
      },
    });
    const outcomes = await purgeItems(items(3), { client, signal: controller.signal });

    expect(waits).toEqual([5000]);
    expect(emu.control.requests().map((r) => [r.op, r.status])).toEqual([["$batch", 429]]);
    expect(emu.control.purges()).toEqual([]);
    expect([...outcomes.values()].map((o) => o.status)).toEqual([
      "not-attempted",
      "not-attempted",
      "not-attempted",
    ]);
  });

  it("a $batch refused with 401: cancelled during the token refresh, it is not sent again", async () => {
    emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 401 },
    });
    const controller = new AbortController();
    const client = createGraphClient({
      baseUrl: emu.url,
      tokens: {
        getToken: async ({ forceRefresh }) => {
          if (forceRefresh) controller.abort();
          return token();
        },
      },
    });
    const outcomes = await purgeItems(items(2), { client, signal: controller.signal });

    expect(emu.control.requests().map((r) => [r.op, r.status])).toEqual([["$batch", 401]]);
    expect(emu.control.purges()).toEqual([]);
    expect([...outcomes.values()].every((o) => o.status === "not-attempted")).toBe(true);
  });

  it("a single delete refused with 503: cancelled during its wait, it is not sent again", async () => {
    const [one] = items(1);
    if (one === undefined) throw new Error("no seeded message");
    emu.control.addFault({
      itemId: one.id,
      times: 1,
      action: { kind: "error", status: 503, retryAfter: { seconds: 2 } },
    });
    const controller = new AbortController();
    const client = createGraphClient({
      baseUrl: emu.url,
      tokens: { getToken: async () => token() },
      sleep: async () => controller.abort(),
    });
    const outcomes = await purgeItems([one], { client, signal: controller.signal });

    expect(emu.control.requests().map((r) => [r.op, r.status])).toEqual([["permanentDelete", 503]]);
    expect(emu.control.purges()).toEqual([]);
    const outcome = outcomes.get(one.id);
    expect(outcome?.status).toBe("failed");
    if (outcome?.status === "failed") expect(outcome.problem.kind).toBe("aborted");
  });
});

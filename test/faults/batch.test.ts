/**
 * Fault table, bulk runs: the real workflow, scheduler ($batch, dependsOn chains) and Graph client against the
 * in-process emulator. Sentences are the pane's (result bar and report rows); "what reached Graph" is the
 * emulator's request log and purges. Time is virtual (Retry-After waits are recorded, not slept).
 */
import { describe, expect, it } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../../src/core/auth/errors";
import * as say from "../../src/core/purge/graphWording";
import { unknownOutcomeMessage } from "../../src/core/purge/graphWording";
import type { PurgeTarget } from "../../src/core/purge/types";
import {
  batchAnswerProxy,
  bulkPurge,
  deletesOf,
  emulatorForThisFile,
  emulatorTokens,
  graphClient,
  inbox,
  purgedIds,
  recordedWaits,
  targetOf,
  virtualClock,
} from "./kit";

const env = emulatorForThisFile();

function targets(count: number): PurgeTarget[] {
  return inbox(env.emu, count).map(targetOf);
}

const total = (waits: readonly number[]) => waits.reduce((sum, w) => sum + w, 0);
const ids = (list: readonly PurgeTarget[]) => list.map((t) => t.ref.id).sort();
const batches = () => env.emu.control.requests().filter((r) => r.op === "$batch");

function setup(scopes?: string[]) {
  const tokens = emulatorTokens(env.emu, scopes);
  const waits = recordedWaits();
  const client = graphClient(env.emu, tokens, { sleep: waits.sleep });
  const clock = virtualClock();
  return { tokens, waits, client, clock };
}

describe("fault table: $batch members", () => {
  it("429 on one batch member only: that member waits its own Retry-After, the rest go once", async () => {
    const list = targets(20);
    const slow = list[6]?.ref.id ?? "";
    env.emu.control.addFault({
      target: "member",
      itemId: slow,
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 3 } },
    });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock });
    expect(run.summary).toContain("20 of 20 deleted permanently");
    expect(total(clock.waits)).toBeGreaterThanOrEqual(3000); // virtual time passed before the resend
    expect(deletesOf(env.emu, slow).map((r) => r.status)).toEqual([429, 204]);
    for (const t of list.filter((t) => t.ref.id !== slow))
      expect(deletesOf(env.emu, t.ref.id).map((r) => r.status)).toEqual([204]);
    expect(purgedIds(env.emu)).toEqual(ids(list));
  });

  it("a member's absurd Retry-After fails that item only, with how long to wait", async () => {
    const list = targets(8);
    const held = list[0]?.ref.id ?? "";
    env.emu.control.addFault({
      target: "member",
      itemId: held,
      action: { kind: "error", status: 429, retryAfter: { seconds: 86_400 } },
    });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock });
    const item = list[0]?.ref;
    if (!item) throw new Error("no item");
    expect(run.rows.get(held)?.message).toBe(
      say.throttledTooLong({ op: "delete", item }, 86_400_000, "ApplicationThrottled", false),
    );
    expect(run.summary).toContain("7 of 8 deleted permanently, 1 not deleted");
    expect(clock.waits.filter((w) => w >= 86_400_000)).toEqual([]);
    expect(deletesOf(env.emu, held).map((r) => r.status)).toEqual([429]);
    expect(purgedIds(env.emu)).toEqual(ids(list.slice(1)));
  });

  it("424 from dependsOn: the chain behind a refused member is resent and purged; only the refused one fails", async () => {
    const list = targets(20);
    const head = list[0]?.ref;
    if (!head) throw new Error("no item");
    env.emu.control.addFault({
      target: "member",
      itemId: head.id,
      action: { kind: "error", status: 403, code: "ErrorCannotDeleteObject" },
    });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock });
    expect(run.rows.get(head.id)).toEqual({
      title: "Not deleted",
      message: say.forbidden({ op: "delete", item: head }, "ErrorCannotDeleteObject"),
    });
    expect(run.summary).toContain("19 of 20 deleted permanently, 1 not deleted");
    const members = env.emu.control.requests().filter((r) => r.batchMember);
    // Graph's own 424s for the members chained behind it (member i depends on member i-4) …
    const skipped = members.filter((r) => r.status === 424).map((r) => r.memberId);
    expect(skipped.length).toBeGreaterThan(0);
    // … which never ran, went again and were purged: each purged by exactly one 204.
    for (const t of list.slice(1))
      expect(deletesOf(env.emu, t.ref.id).filter((r) => r.status === 204)).toHaveLength(1);
    expect(deletesOf(env.emu, head.id).map((r) => r.status)).toEqual([403]);
    expect(purgedIds(env.emu)).toEqual(ids(list.slice(1)));
  });

  it("503 and 504 on members: 503 waits and purges; 504 retried and purged, each by one 204", async () => {
    const list = targets(8);
    const a = list[1]?.ref.id ?? "";
    const b = list[2]?.ref.id ?? "";
    env.emu.control.addFault({
      target: "member",
      itemId: a,
      times: 1,
      action: { kind: "error", status: 503 },
    });
    env.emu.control.addFault({
      target: "member",
      itemId: b,
      times: 1,
      action: { kind: "error", status: 504, retryAfter: "missing" },
    });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock });
    expect(run.summary).toContain("8 of 8 deleted permanently");
    expect(total(clock.waits)).toBeGreaterThanOrEqual(10_000); // the emulator's default Retry-After for 503
    expect(deletesOf(env.emu, a).map((r) => r.status)).toEqual([503, 204]);
    expect(deletesOf(env.emu, b).map((r) => r.status)).toEqual([504, 204]);
    expect(purgedIds(env.emu)).toEqual(ids(list));
  });
});

describe("fault table: $batch answers that can't be trusted", () => {
  async function withProxy(
    rewrite: Parameters<typeof batchAnswerProxy>[1],
    count = 8,
  ): Promise<{ list: PurgeTarget[]; run: Awaited<ReturnType<typeof bulkPurge>> }> {
    const list = targets(count);
    let first = true;
    const proxy = await batchAnswerProxy(env.emu, (answer) => {
      if (!first) return answer;
      first = false;
      return rewrite(answer);
    });
    try {
      const tokens = emulatorTokens(env.emu);
      const client = graphClient(env.emu, tokens, { baseUrl: proxy.url, sleep: recordedWaits().sleep });
      // One lane: the first answer carries every member, so the rewrite reaches all of them.
      const run = await bulkPurge(list, { client, clock: virtualClock(), maxConcurrentPerMailbox: 1 });
      return { list, run };
    } finally {
      await proxy.close();
    }
  }

  it("answer out of order: each outcome goes to its own item", async () => {
    const list = targets(8);
    const gone = list[1]?.ref.id ?? "";
    const refused = list[5]?.ref.id ?? "";
    env.emu.control.addFault({ target: "member", itemId: gone, action: { kind: "error", status: 404 } });
    env.emu.control.addFault({
      target: "member",
      itemId: refused,
      action: { kind: "error", status: 403, code: "Authorization_RequestDenied" },
    });
    const order: string[][] = [];
    const proxy = await batchAnswerProxy(env.emu, (answer) => {
      const reversed = [...answer.responses].reverse();
      order.push(reversed.map((r) => String(r.id)));
      return { responses: reversed };
    });
    try {
      const client = graphClient(env.emu, emulatorTokens(env.emu), { baseUrl: proxy.url });
      const run = await bulkPurge(list, { client, clock: virtualClock() });
      expect(order[0]).not.toEqual([...(order[0] ?? [])].sort((x, y) => Number(x) - Number(y)));
      expect(run.rows.get(gone)).toEqual({
        title: "Not found",
        message: say.notFound({ kind: "message", mailbox: { kind: "me" } }, false),
      });
      const item = list[5]?.ref;
      if (!item) throw new Error("no item");
      expect(run.rows.get(refused)?.message).toBe(
        say.forbidden({ op: "delete", item }, "Authorization_RequestDenied"),
      );
      const purgedRows = [...run.rows]
        .filter(([, row]) => row.title === "Deleted permanently")
        .map(([id]) => id);
      expect(purgedRows.sort()).toEqual(purgedIds(env.emu));
      expect(purgedIds(env.emu)).toEqual(ids(list.filter((t) => t.ref.id !== gone && t.ref.id !== refused)));
    } finally {
      await proxy.close();
    }
  });

  it("malformed answer (not JSON): members ran, none is reported deleted; the retry finds them gone", async () => {
    const { list, run } = await withProxy(() => "<html><body>502 Bad Gateway</body></html>");
    // The emulator purged every member of the first batch; the add-in couldn't read that, so it never says so.
    expect(purgedIds(env.emu)).toEqual(ids(list));
    expect([...run.rows.values()].every((r) => r.title !== "Deleted permanently")).toBe(true);
    for (const t of list) {
      expect(run.rows.get(t.ref.id)).toEqual({
        title: "Not found",
        message: say.notFound({ kind: "message", mailbox: { kind: "me" } }, true),
      });
      expect(deletesOf(env.emu, t.ref.id).map((r) => r.status)).toEqual([204, 404]);
    }
    expect(run.summary).toContain("0 of 8 deleted permanently, 8 not found");
  });

  it("an answer that lacks a member: only that member is unknown, then found gone, never 'deleted'", async () => {
    let dropped = "";
    const { list, run } = await withProxy((answer) => {
      const [lost, ...rest] = answer.responses;
      dropped = String(lost?.id);
      return { responses: rest };
    });
    const sent = env.emu.control.requests().filter((r) => r.batchMember && r.memberId === dropped)[0];
    const lostId = sent?.itemId ?? "";
    expect(list.map((t) => t.ref.id)).toContain(lostId);
    expect(run.rows.get(lostId)).toEqual({
      title: "Not found",
      message: say.notFound({ kind: "message", mailbox: { kind: "me" } }, true),
    });
    expect(deletesOf(env.emu, lostId).map((r) => r.status)).toEqual([204, 404]);
    expect(run.summary).toContain("7 of 8 deleted permanently, 1 not found");
    expect(purgedIds(env.emu)).toEqual(ids(list));
  });

  it("an answer that repeats an id: that member is unknown (not trusted), the rest read normally", async () => {
    let repeated = "";
    const { list, run } = await withProxy((answer) => {
      const [first, ...rest] = answer.responses;
      repeated = String(first?.id);
      return { responses: [first, ...rest, { ...first, status: 500 }] };
    });
    const sent = env.emu.control.requests().filter((r) => r.batchMember && r.memberId === repeated)[0];
    const itemId = sent?.itemId ?? "";
    expect(run.rows.get(itemId)).toEqual({
      title: "Not found",
      message: say.notFound({ kind: "message", mailbox: { kind: "me" } }, true),
    });
    expect(deletesOf(env.emu, itemId).map((r) => r.status)).toEqual([204, 404]);
    expect(run.summary).toContain("7 of 8 deleted permanently, 1 not found");
    expect(purgedIds(env.emu)).toEqual(ids(list));
  });

  it("an answer naming an id that was never sent: the whole answer is distrusted", async () => {
    const { list, run } = await withProxy((answer) => ({
      responses: [...answer.responses, { id: "999", status: 204, headers: {} }],
    }));
    for (const t of list)
      expect(run.rows.get(t.ref.id)).toEqual({
        title: "Not found",
        message: say.notFound({ kind: "message", mailbox: { kind: "me" } }, true),
      });
    expect(purgedIds(env.emu)).toEqual(ids(list));
  });

  it("an answer that stays unreadable: each item 'may or may not have been deleted' after bounded retries", async () => {
    const list = targets(4);
    const proxy = await batchAnswerProxy(env.emu, () => "not json");
    try {
      const client = graphClient(env.emu, emulatorTokens(env.emu), { baseUrl: proxy.url });
      const run = await bulkPurge(list, { client, clock: virtualClock(), maxAttempts: 3 });
      for (const t of list) {
        expect(run.rows.get(t.ref.id)).toEqual({
          title: "Not deleted",
          message: unknownOutcomeMessage("message"),
        });
        expect(deletesOf(env.emu, t.ref.id).map((r) => r.status)).toEqual([204, 404, 404]);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe("fault table: the $batch request itself", () => {
  it("429 on the whole batch: waits its Retry-After, resends once, nothing ran before", async () => {
    const list = targets(8);
    env.emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 2 } },
    });
    const { client, clock, waits } = setup();
    const run = await bulkPurge(list, { client, clock });
    expect(waits.waits).toEqual([2000]);
    expect(run.summary).toContain("8 of 8 deleted permanently");
    // 8 items go as 4 lanes of 2: the first batch was refused whole and sent again.
    expect(batches().map((r) => r.status)).toEqual([429, 200, 200, 200, 200]);
    for (const t of list) expect(deletesOf(env.emu, t.ref.id).map((r) => r.status)).toEqual([204]);
  });

  it("503 on every batch: no member ever runs; each item 'temporarily unavailable … not deleted'", async () => {
    const list = targets(4);
    env.emu.control.addFault({ op: "$batch", target: "request", action: { kind: "error", status: 503 } });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock, maxAttempts: 2 });
    for (const t of list) {
      expect(run.rows.get(t.ref.id)?.title).toBe("Not deleted");
      expect(run.rows.get(t.ref.id)?.message).toContain("temporarily unavailable");
      expect(run.rows.get(t.ref.id)?.message).toContain("was not deleted");
    }
    expect(env.emu.control.requests().filter((r) => r.batchMember)).toEqual([]);
    expect(purgedIds(env.emu)).toEqual([]);
  });

  it("the batch connection reset: not resent; each item 'may or may not have been deleted'", async () => {
    const list = targets(8);
    env.emu.control.addFault({ op: "$batch", target: "request", action: { kind: "drop" } });
    const { client, clock } = setup();
    const run = await bulkPurge(list, { client, clock });
    for (const t of list) {
      expect(run.rows.get(t.ref.id)?.title).toBe("Not deleted");
      expect(run.rows.get(t.ref.id)?.message).toContain("may or may not have been deleted");
    }
    expect(batches().map((r) => r.status)).toEqual(["dropped", "dropped", "dropped", "dropped"]);
    expect(purgedIds(env.emu)).toEqual([]);
  });

  it("a batch that never answers: timed out, not resent; each item 'may or may not have been deleted'", async () => {
    const list = targets(4);
    env.emu.control.addFault({ op: "$batch", target: "request", action: { kind: "hang" } });
    const tokens = emulatorTokens(env.emu);
    const client = graphClient(env.emu, tokens, { timeoutMs: 300 });
    const run = await bulkPurge(list, { client, clock: virtualClock() });
    for (const t of list) {
      expect(run.rows.get(t.ref.id)?.title).toBe("Not deleted");
      expect(run.rows.get(t.ref.id)?.message).toContain("may or may not have been deleted");
    }
    expect(batches().map((r) => r.status)).toEqual(["hung"]);
    expect(purgedIds(env.emu)).toEqual([]);
  });
});

describe("fault table: sign-in during a bulk run", () => {
  it("a 504 and then a 401 whose refresh needs sign-in: each item 'may or may not have been deleted', not 'not attempted'", async () => {
    const list = targets(8);
    env.emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 504 },
    });
    env.emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 401 },
    });
    let first = true;
    const client = graphClient(
      env.emu,
      {
        async getToken() {
          if (!first) throw new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired);
          first = false;
          return env.emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
        },
      },
      { sleep: recordedWaits().sleep },
    );
    // One lane: the one $batch goes out, meets the 504, is sent again, meets the 401, and the refresh fails.
    const run = await bulkPurge(list, { client, clock: virtualClock(), maxConcurrentPerMailbox: 1 });
    for (const t of list) {
      const row = run.rows.get(t.ref.id);
      expect(row?.title).toBe("Not deleted");
      expect(row?.message).toContain("may or may not have been deleted");
      expect(row?.message).toContain(AUTH_MESSAGES.interactionRequired);
    }
    expect(run.summary).not.toContain("not attempted");
    expect(batches().map((r) => r.status)).toEqual([504, 401]);
  });

  it("401 mid-run (the token expired after the first batches): a refresh, the run goes on", async () => {
    const list = targets(100); // 4 lanes of 25: batches of 13 then 12
    const tokens = emulatorTokens(env.emu, ["Mail.ReadWrite"], 600);
    const client = graphClient(env.emu, tokens);
    let settled = 0;
    const run = await bulkPurge(list, {
      client,
      clock: virtualClock(),
      onItem: () => {
        settled += 1;
        if (settled === 13) env.emu.control.advanceClock(3_600_000); // expires after the first answer
      },
    });
    expect(run.summary).toContain("100 of 100 deleted permanently");
    const statuses = batches().map((r) => r.status);
    const refused = statuses.filter((s) => s === 401).length;
    expect(refused).toBeGreaterThanOrEqual(1); // a lane's next batch met the expired token ...
    expect(tokens.calls.filter((c) => c.forceRefresh)).toHaveLength(refused); // ... and refreshed it
    expect(new Set(statuses)).toEqual(new Set([200, 401]));
    // Each member ran once, in a batch that was answered: nothing was sent twice after it ran. (How many batches
    // carry them depends on timing: a lane held up by its refresh may have half its waiting items taken by a lane
    // that has finished (schedule/lanes.ts), one more batch each time; the bench counts requests.)
    const members = env.emu.control.requests().filter((r) => r.batchMember);
    expect(members.map((r) => r.status)).toEqual(Array(100).fill(204));
    for (const t of list) expect(deletesOf(env.emu, t.ref.id).map((r) => r.status)).toEqual([204]);
  });

  it("401 mid-run and the refresh needs sign-in: the rest is 'not attempted' with the sign-in sentence", async () => {
    const list = targets(100);
    let token: string | undefined;
    const client = graphClient(env.emu, {
      async getToken({ forceRefresh }) {
        if (forceRefresh) throw new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired);
        token ??= env.emu.control.mintToken({
          scopes: ["Mail.ReadWrite"],
          expiresInSeconds: 600,
        }).accessToken;
        return token;
      },
    });
    let settled = 0;
    const run = await bulkPurge(list, {
      client,
      clock: virtualClock(),
      onItem: () => {
        settled += 1;
        if (settled === 13) env.emu.control.advanceClock(3_600_000);
      },
    });
    // The first batch answered went before the expiry (13 items; the other lanes' first batches too, unless the
    // machine held one back until after it); what was sent after the expiry met the 401.
    const deleted = env.emu.control.requests().filter((r) => r.batchMember && r.status === 204).length;
    expect(deleted).toBeGreaterThanOrEqual(13);
    expect(deleted).toBeLessThan(100);
    expect(run.summary).toContain(`${deleted} of 100 deleted permanently, ${100 - deleted} not attempted`);
    const rows = [...run.rows.values()];
    expect(rows.filter((r) => r.message === AUTH_MESSAGES.interactionRequired)).toHaveLength(100 - deleted);
    expect(rows.filter((r) => r.title === "Deleted permanently")).toHaveLength(deleted);
    expect(batches().filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(purgedIds(env.emu)).toHaveLength(deleted);
  });

  it("cancel mid-run: nothing new is sent; what was sent is reported, the rest 'not attempted'", async () => {
    const list = targets(120); // 4 lanes of 30: batches of 15 then 15
    const controller = new AbortController();
    const { client, clock } = setup();
    let calls = 0;
    const counted = {
      ...client,
      batch: (...args: Parameters<typeof client.batch>) => {
        calls += 1;
        return client.batch(...args);
      },
    };
    let settled = 0;
    let callsAtCancel = 0;
    const run = await bulkPurge(list, {
      client: counted,
      clock,
      signal: controller.signal,
      onItem: () => {
        settled += 1;
        if (settled === 20) {
          controller.abort();
          callsAtCancel = calls;
        }
      },
    });
    expect(calls).toBe(callsAtCancel); // nothing sent after the cancel
    expect(batches()).toHaveLength(calls);
    const deleted = purgedIds(env.emu).length;
    expect(deleted).toBeGreaterThanOrEqual(60); // the four batches in flight finished and count
    expect(deleted).toBeLessThan(120);
    expect(run.summary).toContain(`${deleted} of 120 deleted permanently, ${120 - deleted} not attempted`);
    const purged = new Set(purgedIds(env.emu));
    for (const [id, row] of run.rows) expect(row.title === "Deleted permanently").toBe(purged.has(id));
  });
});

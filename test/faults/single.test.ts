/**
 * Fault table, one message from the ribbon: the real command (runPurgeCommand), workflow and Graph client
 * against the in-process Graph emulator with its fault plan. Each test checks the sentence the person reads
 * (the notification bar, and the pane's result sentence for the same outcome) and what reached the emulator.
 */
import { describe, expect, it } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../../src/core/auth/errors";
import { backoffDelay } from "../../src/core/graph/retry";
import type { ItemRef } from "../../src/core/graph/types";
import * as say from "../../src/core/graph/wording";
import { fitNotification } from "../../src/core/office/notifications";
import { notificationText, summarizeItem } from "../../src/core/purge/report";
import type { PurgeResult, PurgeTarget } from "../../src/core/purge/types";
import { SALES } from "../emulator/server";
import {
  deletesOf,
  emulatorForThisFile,
  emulatorTokens,
  graphClient,
  inbox,
  pressRibbonOn,
  purgedIds,
  type RibbonRun,
  recordedWaits,
  targetOf,
} from "./kit";

const env = emulatorForThisFile();

/** The pane's sentence for the one item of a done run. */
function paneSentence(result: PurgeResult | undefined): { title: string; message: string } {
  if (result?.status !== "done") throw new Error(`expected a done run, got ${result?.status}`);
  const [only] = result.results;
  if (only === undefined) throw new Error("no result");
  const { title, message } = summarizeItem(only);
  return { title, message };
}

function expectNotification(run: RibbonRun, kind: "info" | "error", sentence: string): void {
  expect(run.notes).toEqual([{ kind, text: fitNotification(sentence) }]);
}

const deleteOf = (ref: ItemRef) => ({ op: "delete" as const, item: ref });

async function ribbon(target: PurgeTarget, extra: Parameters<typeof graphClient>[2] = {}) {
  const { emu } = env;
  const tokens = emulatorTokens(emu);
  const waits = recordedWaits();
  const client = graphClient(emu, tokens, { sleep: waits.sleep, ...extra });
  const run = await pressRibbonOn(target, client);
  return { run, tokens, waits };
}

describe("fault table: Retry-After on a single delete", () => {
  it("429 with Retry-After in seconds: waits exactly that long, then deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 7 } },
    });
    const { run, waits } = await ribbon(targetOf(message));
    expect(waits.waits).toEqual([7000]);
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expectNotification(run, "info", notificationText(run.result ?? { status: "busy" }));
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429, 204]);
    expect(purgedIds(emu)).toEqual([message.id]);
  });

  it("429 with Retry-After as an HTTP date: waits until that time, then deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 30, as: "date" } },
    });
    const { run, waits } = await ribbon(targetOf(message));
    // An HTTP date has whole seconds: the wait is the 30 s less what elapsed and the rounding, never more.
    expect(waits.waits).toHaveLength(1);
    expect(waits.waits[0]).toBeGreaterThan(28_000);
    expect(waits.waits[0]).toBeLessThanOrEqual(30_000);
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429, 204]);
    expect(purgedIds(emu)).toEqual([message.id]);
  });

  it("429 without Retry-After: jittered backoff (never at once), then deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      times: 2,
      action: { kind: "error", status: 429, retryAfter: "missing" },
    });
    const { run, waits } = await ribbon(targetOf(message));
    expect(waits.waits).toEqual([backoffDelay(0, () => 0.5), backoffDelay(1, () => 0.5)]);
    expect(waits.waits.every((w) => w > 0)).toBe(true);
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429, 429, 204]);
  });

  it("429 with an unreadable Retry-After: backoff, then deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { raw: "whenever you like" } },
    });
    const { run, waits } = await ribbon(targetOf(message));
    expect(waits.waits).toEqual([backoffDelay(0, () => 0.5)]);
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429, 204]);
  });

  it("429 with an absurdly large Retry-After: no wait, no retry, says how long and that nothing was deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      action: { kind: "error", status: 429, retryAfter: { seconds: 31_536_000 } },
    });
    const target = targetOf(message);
    const { run, waits } = await ribbon(target);
    expect(waits.waits).toEqual([]);
    const sentence = say.throttledTooLong(
      deleteOf(target.ref),
      31_536_000_000,
      "ApplicationThrottled",
      false,
    );
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expect(sentence).toMatch(/about 525.?600 minutes/);
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("429 every time: 4 requests in all, then 'limiting … not deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      action: { kind: "error", status: 429, retryAfter: { seconds: 2 } },
    });
    const target = targetOf(message);
    const { run, waits } = await ribbon(target);
    expect(waits.waits).toEqual([2000, 2000, 2000]);
    const sentence = say.throttled(deleteOf(target.ref), "ApplicationThrottled", false);
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(purgedIds(emu)).toEqual([]);
  });
});

describe("fault table: 5xx on a single delete", () => {
  it("503 once: waits its Retry-After and deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "error", status: 503 } });
    const { run, waits } = await ribbon(targetOf(message));
    expect(waits.waits).toEqual([10_000]); // the emulator's default Retry-After for 503
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([503, 204]);
    expect(purgedIds(emu)).toEqual([message.id]);
  });

  it("503 every time: 'temporarily unavailable … was not deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "error", status: 503 } });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.unavailable(deleteOf(target.ref), 503, "ServiceUnavailable", false);
    expect(sentence).toContain("The message was not deleted");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("504 every time: 'may or may not have been deleted', never 'not deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      action: { kind: "error", status: 504, retryAfter: "missing" },
    });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.unavailable(deleteOf(target.ref), 504, "GatewayTimeout", true);
    expect(sentence).toContain("may or may not have been deleted");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([504, 504, 504, 504]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("504, then the item is gone on the retry: 'probably deleted by the earlier attempt', not 'deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      times: 1,
      action: { kind: "error", status: 504, retryAfter: "missing" },
    });
    const target = targetOf(message);
    const tokens = emulatorTokens(emu);
    const other = graphClient(emu, emulatorTokens(emu));
    // While the add-in waits to retry, the delete that the gateway timed out "lands" (here: another client's).
    const client = graphClient(emu, tokens, {
      sleep: async () => {
        await other.permanentDelete(target.ref);
      },
    });
    const run = await pressRibbonOn(target, client);
    const sentence = say.notFound({ kind: "message", mailbox: { kind: "me" } }, true);
    expect(paneSentence(run.result)).toEqual({ title: "Not found", message: sentence });
    expect(sentence).not.toContain("Nothing was purged");
    expectNotification(run, "info", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([504, 204, 404]);
  });

  it("500: one request, 'server error … if it is still in the folder, it was not deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "error", status: 500 } });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.serverError(deleteOf(target.ref), 500, "ErrorInternalServerError");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([500]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("a 200 instead of 204 is never reported as deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "error", status: 200 } });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.unexpectedSuccess(deleteOf(target.ref), 200);
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([200]);
  });
});

describe("fault table: the connection", () => {
  it("a 504 and then a 401 whose refresh needs sign-in: 'may or may not have been deleted', not 'nothing was sent'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "error", status: 504 } });
    emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "error", status: 401 } });
    const target = targetOf(message);
    let first = true;
    const client = graphClient(
      emu,
      {
        async getToken() {
          if (!first) throw new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired);
          first = false;
          return emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
        },
      },
      { sleep: recordedWaits().sleep },
    );
    const run = await pressRibbonOn(target, client);
    const sentence = paneSentence(run.result);
    expect(sentence.title).toBe("Not deleted");
    expect(sentence.message).toContain("may or may not have been deleted");
    expect(sentence.message).toContain(AUTH_MESSAGES.interactionRequired);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([504, 401]);
  });

  it("connection reset: sent once, never resent, 'may or may not have been deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "drop" } });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.network(deleteOf(target.ref), false, false);
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual(["dropped"]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("a request that never answers: timed out once, not resent, 'may or may not have been deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "hang" } });
    const target = targetOf(message);
    const { run } = await ribbon(target, { timeoutMs: 300 });
    const sentence = say.timeout(deleteOf(target.ref), 300);
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual(["hung"]);
    expect(purgedIds(emu)).toEqual([]);
  });
});

describe("fault table: sign-in expired", () => {
  it("401 on an expired token: one refresh, then deletes", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    const tokens = emulatorTokens(emu, ["Mail.ReadWrite"], 600);
    await tokens.getToken({ forceRefresh: false }); // the token the add-in holds
    emu.control.advanceClock(3_600_000); // it expires before the press
    const run = await pressRibbonOn(targetOf(message), graphClient(emu, tokens));
    expect(paneSentence(run.result).title).toBe("Deleted permanently");
    expect(tokens.calls.map((c) => c.forceRefresh)).toEqual([false, false, true]);
    const tries = deletesOf(emu, message.id);
    expect(tries.map((r) => [r.status, r.errorCode])).toEqual([
      [401, "InvalidAuthenticationToken"],
      [204, null],
    ]);
    expect(purgedIds(emu)).toEqual([message.id]);
  });

  it("401 again after the refresh: 'sign in again', nothing deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({ op: "permanentDelete", action: { kind: "error", status: 401 } });
    const { run, tokens } = await ribbon(targetOf(message));
    const sentence = say.unauthorized("InvalidAuthenticationToken");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(tokens.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([401, 401]);
    expect(purgedIds(emu)).toEqual([]);
  });
});

describe("fault table: Graph refuses", () => {
  it("403 ErrorAccessDenied (a token without Mail.ReadWrite): names the permission, nothing deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    const target = targetOf(message);
    const tokens = emulatorTokens(emu, ["User.Read", "Mail.Read"]);
    const run = await pressRibbonOn(target, graphClient(emu, tokens));
    const sentence = say.forbidden(deleteOf(target.ref), "ErrorAccessDenied");
    expect(sentence).toContain("Mail.ReadWrite");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, message.id).map((r) => [r.status, r.errorCode])).toEqual([
      [403, "ErrorAccessDenied"],
    ]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("403 ErrorCannotDeleteObject: Exchange refused (retention), nothing deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      action: {
        kind: "error",
        status: 403,
        code: "ErrorCannotDeleteObject",
        message: "Object cannot be deleted.",
      },
    });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.forbidden(deleteOf(target.ref), "ErrorCannotDeleteObject");
    expect(sentence).toContain("retention label");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([403]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("403 Authorization_RequestDenied: ask an administrator for consent, nothing deleted", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    emu.control.addFault({
      op: "permanentDelete",
      action: { kind: "error", status: 403, code: "Authorization_RequestDenied" },
    });
    const target = targetOf(message);
    const { run } = await ribbon(target);
    const sentence = say.forbidden(deleteOf(target.ref), "Authorization_RequestDenied");
    expect(sentence).toContain("Ask an administrator");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([403]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("404 ErrorItemNotFound (no such item): 'not found', calmly, nothing purged", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    // Same mailbox, an entry key that doesn't exist: what Graph says for an item purged long ago.
    const id = `${message.id.slice(0, -12)}AAAAAAAAAAA=`;
    const target: PurgeTarget = { ...targetOf(message), ref: { ...targetOf(message).ref, id } };
    const { run } = await ribbon(target);
    const sentence = say.notFound({ kind: "message", mailbox: { kind: "me" } }, false);
    expect(paneSentence(run.result)).toEqual({ title: "Not found", message: sentence });
    expectNotification(run, "info", sentence);
    expect(deletesOf(emu, id).map((r) => [r.status, r.errorCode])).toEqual([[404, "ErrorItemNotFound"]]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("the item deleted elsewhere while the confirmation was open: 'not found', not 'deleted'", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    const target = targetOf(message);
    const elsewhere = graphClient(emu, emulatorTokens(emu));
    const run = await pressRibbonOn(target, graphClient(emu, emulatorTokens(emu)), async (request) => {
      // Another device purges it while the person reads the confirmation.
      expect(await elsewhere.permanentDelete(target.ref)).toEqual({ status: "purged" });
      return { confirmed: true, ids: request.targets.map((t) => t.ref.id) };
    });
    const sentence = say.notFound({ kind: "message", mailbox: { kind: "me" } }, false);
    expect(paneSentence(run.result)).toEqual({ title: "Not found", message: sentence });
    expectNotification(run, "info", sentence);
    expect(deletesOf(emu, message.id).map((r) => r.status)).toEqual([204, 404]);
    expect(emu.control.purges()).toHaveLength(1);
  });

  it("400 ErrorInvalidIdMalformed (an EWS id where a REST id belongs): nothing deleted, select again", async () => {
    const { emu } = env;
    const [message] = inbox(emu, 1);
    if (!message) throw new Error("no message");
    const target: PurgeTarget = {
      ...targetOf(message),
      ref: { ...targetOf(message).ref, id: message.ewsId },
    };
    const { run } = await ribbon(target);
    const sentence = say.malformedId(deleteOf(target.ref), "ErrorInvalidIdMalformed");
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    const log = emu.control.requests().filter((r) => r.op === "permanentDelete" || r.errorCode !== null);
    expect(log.map((r) => [r.status, r.errorCode])).toEqual([[400, "ErrorInvalidIdMalformed"]]);
    expect(purgedIds(emu)).toEqual([]);
  });

  it("404 ErrorInvalidMailboxItemId (a shared mailbox's item under /me): a failure, never 'not found'", async () => {
    const { emu } = env;
    const [shared] = emu.control.messages({ folder: "inbox", mailbox: SALES.upn });
    if (!shared) throw new Error("no shared message");
    const target = targetOf(shared);
    const tokens = emulatorTokens(emu, ["Mail.ReadWrite", "Mail.ReadWrite.Shared"]);
    const run = await pressRibbonOn(target, graphClient(emu, tokens));
    const sentence = say.wrongMailbox("message", "ErrorInvalidMailboxItemId", { kind: "me" });
    expect(paneSentence(run.result)).toEqual({ title: "Not deleted", message: sentence });
    expectNotification(run, "error", sentence);
    expect(deletesOf(emu, shared.id).map((r) => [r.status, r.errorCode])).toEqual([
      [404, "ErrorInvalidMailboxItemId"],
    ]);
    expect(purgedIds(emu)).toEqual([]);
  });
});

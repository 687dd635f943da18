/**
 * Fault table, one message from the ribbon: the real command (runPurgeCommand), workflow and Graph client
 * against the in-process Graph emulator with its fault plan. Each case checks the sentence the person reads
 * (the notification bar, and the pane's result sentence for the same outcome) and what reached the emulator.
 * The cases are a table: most are a fault plan, a press and the expected outcome (Case); the few that need a
 * second client, a token that expires or an answer in the middle say what they do in `run`.
 */
import { describe, expect, it } from "vitest";
import type { FaultRule } from "../../dev/emulator/faults";
import { type MessageListing, SALES } from "../../dev/emulator/server";
import { AUTH_MESSAGES, AuthError } from "../../src/core/auth/errors";
import { backoffDelay } from "../../src/core/graph/retry";
import type { ItemRef } from "../../src/core/graph/types";
import { fitNotification } from "../../src/core/office/notifications";
import * as say from "../../src/core/purge/graphWording";
import { notificationText, summarizeItem } from "../../src/core/purge/report";
import type { PurgeResult, PurgeTarget } from "../../src/core/purge/types";
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

/** What the person reads and what reached the emulator, for a fault plan and one press. */
interface Expected {
  /** Emulator faults, added in this order before the press. */
  faults?: Omit<FaultRule, "op">[];
  /** Which message, given the first in the Inbox (default: that one, as the ribbon would read it). */
  target?: (message: MessageListing, emu: typeof env.emu) => PurgeTarget;
  /** The token's scopes (default: emulatorTokens'). */
  scopes?: string[];
  /** The Graph client's request timeout. */
  timeoutMs?: number;
  /** The client's waits, in order (a function for ranges). */
  waits?: number[] | ((waits: number[]) => void);
  /** The pane's title; with `sentence`, title and message. */
  title: "Deleted permanently" | "Not deleted" | "Not found";
  sentence?: (target: PurgeTarget) => string;
  /** What the sentence must say (or not), beyond being it. */
  says?: (sentence: string) => void;
  /** The notification bar: `sentence`, or for a deletion the run's own notification text. */
  notification?: "info" | "error";
  /** The permanentDelete requests for the item: statuses, or [status, error code] pairs. */
  deletes: unknown[];
  withCodes?: boolean;
  /** The emulator's purges: the item, or nothing. Unchecked when absent. */
  purged?: boolean;
  /** Assertions only this case makes. */
  also?: (press: { tokens: ReturnType<typeof emulatorTokens> }) => void;
}

type Case = { title: string } & ({ expect: Expected } | { run: () => Promise<void> });

async function runCase(expected: Expected): Promise<void> {
  const { emu } = env;
  const [message] = inbox(emu, 1);
  if (!message) throw new Error("no message");
  for (const fault of expected.faults ?? []) emu.control.addFault({ op: "permanentDelete", ...fault });
  const target = expected.target?.(message, emu) ?? targetOf(message);
  const tokens = expected.scopes ? emulatorTokens(emu, expected.scopes) : emulatorTokens(emu);
  const waits = recordedWaits();
  const client = graphClient(emu, tokens, {
    sleep: waits.sleep,
    ...(expected.timeoutMs === undefined ? {} : { timeoutMs: expected.timeoutMs }),
  });
  const run = await pressRibbonOn(target, client);
  if (typeof expected.waits === "function") expected.waits(waits.waits);
  else if (expected.waits !== undefined) expect(waits.waits).toEqual(expected.waits);
  if (expected.sentence) {
    const sentence = expected.sentence(target);
    expected.says?.(sentence);
    expect(paneSentence(run.result)).toEqual({ title: expected.title, message: sentence });
    if (expected.notification) expectNotification(run, expected.notification, sentence);
  } else {
    expect(paneSentence(run.result).title).toBe(expected.title);
    if (expected.notification)
      expectNotification(run, expected.notification, notificationText(run.result ?? { status: "busy" }));
  }
  const deletes = deletesOf(emu, target.ref.id);
  expect(deletes.map((r) => (expected.withCodes ? [r.status, r.errorCode] : r.status))).toEqual(
    expected.deletes,
  );
  if (expected.purged !== undefined) expect(purgedIds(emu)).toEqual(expected.purged ? [message.id] : []);
  expected.also?.({ tokens });
}

const TABLE: Record<string, Case[]> = {
  "fault table: Retry-After on a single delete": [
    {
      title: "429 with Retry-After in seconds: waits exactly that long, then deletes",
      expect: {
        faults: [{ times: 1, action: { kind: "error", status: 429, retryAfter: { seconds: 7 } } }],
        waits: [7000],
        title: "Deleted permanently",
        notification: "info",
        deletes: [429, 204],
        purged: true,
      },
    },
    {
      title: "429 with Retry-After as an HTTP date: waits until that time, then deletes",
      expect: {
        faults: [
          { times: 1, action: { kind: "error", status: 429, retryAfter: { seconds: 30, as: "date" } } },
        ],
        // An HTTP date has whole seconds: the wait is the 30 s less what elapsed and the rounding, never more.
        waits: (waits) => {
          expect(waits).toHaveLength(1);
          expect(waits[0]).toBeGreaterThan(28_000);
          expect(waits[0]).toBeLessThanOrEqual(30_000);
        },
        title: "Deleted permanently",
        deletes: [429, 204],
        purged: true,
      },
    },
    {
      title: "429 without Retry-After: jittered backoff (never at once), then deletes",
      expect: {
        faults: [{ times: 2, action: { kind: "error", status: 429, retryAfter: "missing" } }],
        waits: (waits) => {
          expect(waits).toEqual([backoffDelay(0, () => 0.5), backoffDelay(1, () => 0.5)]);
          expect(waits.every((w) => w > 0)).toBe(true);
        },
        title: "Deleted permanently",
        deletes: [429, 429, 204],
      },
    },
    {
      title: "429 with an unreadable Retry-After: backoff, then deletes",
      expect: {
        faults: [
          { times: 1, action: { kind: "error", status: 429, retryAfter: { raw: "whenever you like" } } },
        ],
        waits: [backoffDelay(0, () => 0.5)],
        title: "Deleted permanently",
        deletes: [429, 204],
      },
    },
    {
      title:
        "429 with an absurdly large Retry-After: no wait, no retry, says how long and that nothing was deleted",
      expect: {
        faults: [{ action: { kind: "error", status: 429, retryAfter: { seconds: 31_536_000 } } }],
        waits: [],
        title: "Not deleted",
        sentence: (target) =>
          say.throttledTooLong(deleteOf(target.ref), 31_536_000_000, "ApplicationThrottled", false),
        says: (sentence) => expect(sentence).toMatch(/about 525.?600 minutes/),
        notification: "error",
        deletes: [429],
        purged: false,
      },
    },
    {
      title: "429 every time: 4 requests in all, then 'limiting … not deleted'",
      expect: {
        faults: [{ action: { kind: "error", status: 429, retryAfter: { seconds: 2 } } }],
        waits: [2000, 2000, 2000],
        title: "Not deleted",
        sentence: (target) => say.throttled(deleteOf(target.ref), "ApplicationThrottled", false),
        notification: "error",
        deletes: [429, 429, 429, 429],
        purged: false,
      },
    },
  ],
  "fault table: 5xx on a single delete": [
    {
      title: "503 once: waits its Retry-After and deletes",
      expect: {
        faults: [{ times: 1, action: { kind: "error", status: 503 } }],
        waits: [10_000], // the emulator's default Retry-After for 503
        title: "Deleted permanently",
        deletes: [503, 204],
        purged: true,
      },
    },
    {
      title: "503 every time: 'temporarily unavailable … was not deleted'",
      expect: {
        faults: [{ action: { kind: "error", status: 503 } }],
        title: "Not deleted",
        sentence: (target) => say.unavailable(deleteOf(target.ref), 503, "ServiceUnavailable", false),
        says: (sentence) => expect(sentence).toContain("The message was not deleted"),
        notification: "error",
        deletes: [503, 503, 503, 503],
        purged: false,
      },
    },
    {
      title: "504 every time: 'may or may not have been deleted', never 'not deleted'",
      expect: {
        faults: [{ action: { kind: "error", status: 504, retryAfter: "missing" } }],
        title: "Not deleted",
        sentence: (target) => say.unavailable(deleteOf(target.ref), 504, "GatewayTimeout", true),
        says: (sentence) => expect(sentence).toContain("may or may not have been deleted"),
        deletes: [504, 504, 504, 504],
        purged: false,
      },
    },
    {
      title:
        "504, then the item is gone on the retry: 'probably deleted by the earlier attempt', not 'deleted'",
      run: async () => {
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
      },
    },
    {
      title: "500: one request, 'server error … if it is still in the folder, it was not deleted'",
      expect: {
        faults: [{ action: { kind: "error", status: 500 } }],
        title: "Not deleted",
        sentence: (target) => say.serverError(deleteOf(target.ref), 500, "ErrorInternalServerError"),
        deletes: [500],
        purged: false,
      },
    },
    {
      title: "a 200 instead of 204 is never reported as deleted",
      expect: {
        faults: [{ action: { kind: "error", status: 200 } }],
        title: "Not deleted",
        sentence: (target) => say.unexpectedSuccess(deleteOf(target.ref), 200),
        notification: "error",
        deletes: [200],
      },
    },
  ],
  "fault table: the connection": [
    {
      title:
        "a 504 and then a 401 whose refresh needs sign-in: 'may or may not have been deleted', not 'nothing was sent'",
      run: async () => {
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
      },
    },
    {
      title: "connection reset: sent once, never resent, 'may or may not have been deleted'",
      expect: {
        faults: [{ action: { kind: "drop" } }],
        title: "Not deleted",
        sentence: (target) => say.network(deleteOf(target.ref), false, false),
        notification: "error",
        deletes: ["dropped"],
        purged: false,
      },
    },
    {
      title: "a request that never answers: timed out once, not resent, 'may or may not have been deleted'",
      expect: {
        faults: [{ action: { kind: "hang" } }],
        timeoutMs: 300,
        title: "Not deleted",
        sentence: (target) => say.timeout(deleteOf(target.ref), 300),
        notification: "error",
        deletes: ["hung"],
        purged: false,
      },
    },
  ],
  "fault table: sign-in expired": [
    {
      title: "401 on an expired token: one refresh, then deletes",
      run: async () => {
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
      },
    },
    {
      title: "401 again after the refresh: 'sign in again', nothing deleted",
      expect: {
        faults: [{ action: { kind: "error", status: 401 } }],
        title: "Not deleted",
        sentence: () => say.unauthorized("InvalidAuthenticationToken"),
        notification: "error",
        deletes: [401, 401],
        purged: false,
        also: ({ tokens }) => expect(tokens.calls.filter((c) => c.forceRefresh)).toHaveLength(1),
      },
    },
  ],
  "fault table: Graph refuses": [
    {
      title: "403 ErrorAccessDenied (a token without Mail.ReadWrite): names the permission, nothing deleted",
      expect: {
        scopes: ["User.Read", "Mail.Read"],
        title: "Not deleted",
        sentence: (target) => say.forbidden(deleteOf(target.ref), "ErrorAccessDenied"),
        says: (sentence) => expect(sentence).toContain("Mail.ReadWrite"),
        notification: "error",
        deletes: [[403, "ErrorAccessDenied"]],
        withCodes: true,
        purged: false,
      },
    },
    {
      title: "403 ErrorCannotDeleteObject: Exchange refused (retention), nothing deleted",
      expect: {
        faults: [
          {
            action: {
              kind: "error",
              status: 403,
              code: "ErrorCannotDeleteObject",
              message: "Object cannot be deleted.",
            },
          },
        ],
        title: "Not deleted",
        sentence: (target) => say.forbidden(deleteOf(target.ref), "ErrorCannotDeleteObject"),
        says: (sentence) => expect(sentence).toContain("retention label"),
        deletes: [403],
        purged: false,
      },
    },
    {
      title: "403 Authorization_RequestDenied: ask an administrator for consent, nothing deleted",
      expect: {
        faults: [{ action: { kind: "error", status: 403, code: "Authorization_RequestDenied" } }],
        title: "Not deleted",
        sentence: (target) => say.forbidden(deleteOf(target.ref), "Authorization_RequestDenied"),
        says: (sentence) => expect(sentence).toContain("Ask an administrator"),
        deletes: [403],
        purged: false,
      },
    },
    {
      title: "404 ErrorItemNotFound (no such item): 'not found', calmly, nothing purged",
      expect: {
        // Same mailbox, an entry key that doesn't exist: what Graph says for an item purged long ago.
        target: (message) => ({
          ...targetOf(message),
          ref: { ...targetOf(message).ref, id: `${message.id.slice(0, -12)}AAAAAAAAAAA=` },
        }),
        title: "Not found",
        sentence: () => say.notFound({ kind: "message", mailbox: { kind: "me" } }, false),
        notification: "info",
        deletes: [[404, "ErrorItemNotFound"]],
        withCodes: true,
        purged: false,
      },
    },
    {
      title: "the item deleted elsewhere while the confirmation was open: 'not found', not 'deleted'",
      run: async () => {
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
      },
    },
    {
      title: "400 ErrorInvalidIdMalformed (an EWS id where a REST id belongs): nothing deleted, select again",
      run: async () => {
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
      },
    },
    {
      title:
        "404 ErrorInvalidMailboxItemId (a shared mailbox's item under /me): a failure, never 'not found'",
      run: async () => {
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
      },
    },
  ],
};

for (const [group, cases] of Object.entries(TABLE)) {
  describe(group, () => {
    for (const c of cases) it(c.title, () => ("run" in c ? c.run() : runCase(c.expect)));
  });
}

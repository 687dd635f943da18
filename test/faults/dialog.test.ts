/**
 * Fault table, the ribbon's confirmation dialog: the real command, the real dialog protocol (confirmInDialog)
 * over a scripted Office dialog session, and the real Graph client against the emulator. A forged, malformed or
 * mismatched answer, and every dialog error Outlook documents, must leave the emulator without a single delete.
 */
import { describe, expect, it, vi } from "vitest";
import { dialogTokenFlow } from "../../src/core/auth/dialogSignIn";
import { AuthError } from "../../src/core/auth/errors";
import { createTokenService } from "../../src/core/auth/tokens";
import { type DialogEvent, type DialogSession, isDialogOpen, openDialog } from "../../src/core/office/dialog";
import { OfficeApiError } from "../../src/core/office/errors";
import { fitNotification } from "../../src/core/office/notifications";
import { confirmInDialog } from "../../src/core/purge/dialogConfirm";
import { notificationForError, summarize, summarizeError } from "../../src/core/purge/report";
import { purgeItems } from "../../src/core/purge/scheduler";
import type { PurgeResult } from "../../src/core/purge/types";
import { createPurger, PURGE_MESSAGES } from "../../src/core/purge/workflow";
import { installOffice } from "../support/officeFake";
import {
  emulatorForThisFile,
  emulatorTokens,
  graphClient,
  inbox,
  pressRibbonOn,
  purgedIds,
  type RibbonRun,
  targetOf,
} from "./kit";

const env = emulatorForThisFile();
const ORIGIN = "https://localhost:3000";

type PageScript = (shown: { nonce: string; ids: string[] }) => DialogEvent;

/**
 * An Office dialog whose page says "ready", receives what the add-in shows, then sends `answer` (built from
 * what it was shown). `sent` keeps what the add-in sent to the page.
 */
function scriptedDialog(answer: PageScript) {
  const sent: unknown[] = [];
  const open = async (): Promise<DialogSession> => {
    const queue: DialogEvent[] = [
      { type: "message", message: JSON.stringify({ type: "ready" }), origin: ORIGIN },
    ];
    const waiters: ((e: DialogEvent) => void)[] = [];
    const push = (event: DialogEvent) => {
      const waiter = waiters.shift();
      if (waiter) waiter(event);
      else queue.push(event);
    };
    return {
      originReported: true, // as Outlook on the web (DialogOrigin 1.1)
      send(message) {
        const shown = JSON.parse(message) as { nonce: string; items: { id: string }[] };
        sent.push(shown);
        push(answer({ nonce: shown.nonce, ids: shown.items.map((i) => i.id) }));
      },
      next() {
        const event = queue.shift();
        return event ? Promise.resolve(event) : new Promise<DialogEvent>((resolve) => waiters.push(resolve));
      },
      close() {},
    };
  };
  return { open, sent };
}

async function pressWithDialog(open: () => Promise<DialogSession>): Promise<{ run: RibbonRun; id: string }> {
  const { emu } = env;
  const [message] = inbox(emu, 1);
  if (!message) throw new Error("no message");
  const client = graphClient(emu, emulatorTokens(emu));
  const run = await pressRibbonOn(targetOf(message), client, (request) =>
    confirmInDialog(request, { origin: ORIGIN, timeoutMs: 5_000, open }),
  );
  return { run, id: message.id };
}

function expectNothingSent(): void {
  expect(env.emu.control.requests().filter((r) => r.method !== "GET")).toEqual([]);
  expect(purgedIds(env.emu)).toEqual([]);
}

const answerFrom = (message: string): DialogEvent => ({ type: "message", message, origin: ORIGIN });

describe("fault table: what the confirmation page answers", () => {
  it("a yes naming the shown ID deletes it (the control case)", async () => {
    const dialog = scriptedDialog(({ nonce, ids }) =>
      answerFrom(JSON.stringify({ type: "answer", nonce, confirmed: true, ids })),
    );
    const { run, id } = await pressWithDialog(dialog.open);
    expect(run.result?.status).toBe("done");
    expect(purgedIds(env.emu)).toEqual([id]);
  });

  it("an answer that is not valid JSON: nothing deleted, 'didn't match what was shown'", async () => {
    const dialog = scriptedDialog(() => answerFrom('{"type":"answer","confirmed":true,'));
    const { run } = await pressWithDialog(dialog.open);
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("an answer of the wrong shape (confirmed as a string, ids missing): nothing deleted", async () => {
    const dialog = scriptedDialog(({ nonce }) =>
      answerFrom(JSON.stringify({ type: "answer", nonce, confirmed: "yes" })),
    );
    const { run } = await pressWithDialog(dialog.open);
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("a yes naming an ID that was not shown: voided, neither item deleted", async () => {
    const other = inbox(env.emu, 1, 5)[0]?.id ?? "";
    const dialog = scriptedDialog(({ nonce }) =>
      answerFrom(JSON.stringify({ type: "answer", nonce, confirmed: true, ids: [other] })),
    );
    const { run } = await pressWithDialog(dialog.open);
    expect(run.result).toEqual({ status: "voided", message: PURGE_MESSAGES.mismatch });
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("a yes naming the shown ID plus one more: voided, nothing deleted", async () => {
    const other = inbox(env.emu, 1, 5)[0]?.id ?? "";
    const dialog = scriptedDialog(({ nonce, ids }) =>
      answerFrom(JSON.stringify({ type: "answer", nonce, confirmed: true, ids: [...ids, other] })),
    );
    const { run } = await pressWithDialog(dialog.open);
    expect(run.result?.status).toBe("voided");
    expectNothingSent();
  });

  it("a yes with another confirmation's nonce (a replayed answer): nothing deleted", async () => {
    const dialog = scriptedDialog(({ ids }) =>
      answerFrom(JSON.stringify({ type: "answer", nonce: "0123456789abcdef", confirmed: true, ids })),
    );
    const { run } = await pressWithDialog(dialog.open);
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("a well-formed yes without an origin, where Outlook reports origins (DialogOrigin 1.1): nothing deleted", async () => {
    const dialog = scriptedDialog(({ nonce, ids }) => ({
      type: "message",
      message: JSON.stringify({ type: "answer", nonce, confirmed: true, ids }),
      origin: undefined,
    }));
    const { run } = await pressWithDialog(dialog.open);
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("a well-formed yes from another origin: nothing deleted", async () => {
    const dialog = scriptedDialog(({ nonce, ids }) => ({
      type: "message",
      message: JSON.stringify({ type: "answer", nonce, confirmed: true, ids }),
      origin: "https://evil.example",
    }));
    const { run } = await pressWithDialog(dialog.open);
    expect(run.notes).toEqual([{ kind: "info", text: fitNotification(PURGE_MESSAGES.mismatch) }]);
    expectNothingSent();
  });

  it("dialog closed with its X (12006): 'Nothing was deleted.', nothing sent", async () => {
    const dialog = scriptedDialog(() => ({ type: "closed", code: 12006 }));
    const { run } = await pressWithDialog(dialog.open);
    expect(run.result).toEqual({ status: "cancelled", message: PURGE_MESSAGES.cancelled });
    expect(run.notes).toEqual([{ kind: "info", text: PURGE_MESSAGES.cancelled }]);
    expectNothingSent();
  });
});

describe("fault table: Outlook can't open the confirmation", () => {
  async function cannotOpen(code: number): Promise<RibbonRun> {
    const error = new OfficeApiError("displayDialogAsync", code, undefined, "failed");
    const { run } = await pressWithDialog(() => Promise.reject(error));
    expect(run.result).toBeUndefined();
    expect(run.notes).toEqual([{ kind: "error", text: fitNotification(notificationForError(error)) }]);
    expect(run.notes[0]?.text).toContain(`error ${code}`);
    expect(run.notes[0]?.text).toContain("Nothing was deleted");
    expectNothingSent();
    return run;
  }

  it("12004 untrusted domain: names AppDomains, nothing sent", async () => {
    expect((await cannotOpen(12004)).notes[0]?.text).toContain("AppDomains");
  });

  it("12005 not https: says so, nothing sent", async () => {
    expect((await cannotOpen(12005)).notes[0]?.text).toContain("https");
  });

  it("12007 another dialog open: close it and retry, nothing sent", async () => {
    expect((await cannotOpen(12007)).notes[0]?.text).toContain("Close it, then try again");
  });

  it("12009 the person chose Ignore: choose Allow, nothing sent", async () => {
    expect((await cannotOpen(12009)).notes[0]?.text).toContain("choose Allow");
  });

  it("12011 pop-up blocked: allow pop-ups, nothing sent", async () => {
    expect((await cannotOpen(12011)).notes[0]?.text).toContain("Allow pop-ups");
  });
});

/**
 * The fallback sign-in (hosts without nested app auth) through the real Office dialog wrapper, a stand-in for
 * Outlook whose sign-in window never reports anything (no message, no DialogEventReceived), the real token
 * service, Graph client and scheduler, against the emulator. Before the fix the run waited forever: Cancel did
 * nothing and every later dialog of the page failed with 12007.
 */
describe("fault table: a sign-in window Outlook never reports closed", () => {
  /** Sign-in windows open, and their page never says anything. */
  function silentOutlook() {
    return installOffice().dialogs;
  }

  function bulkRun(timeoutMs: number) {
    const tokens = createTokenService({
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/common",
      nestedAppAuthSupported: () => false,
      getAuthContext: async () => undefined,
      createNestableClient: () => Promise.reject(new Error("no nested app auth here")),
      signInWithDialog: (request) => dialogTokenFlow(ORIGIN, request, { timeoutMs }),
    });
    const client = graphClient(env.emu, {
      getToken: ({ forceRefresh, signal }) =>
        tokens.getToken({ scopes: ["Mail.ReadWrite"], forceRefresh, interactive: true, signal }),
    });
    const targets = inbox(env.emu, 25).map(targetOf);
    const purger = createPurger({
      resolveTargets: async () => targets,
      confirm: async (request) => ({ confirmed: true, ids: request.targets.map((t) => t.ref.id) }),
      stillSelected: async () => true,
      deleteMany: async (confirmed, signal) => {
        const outcomes = await purgeItems(
          confirmed.map((t) => t.ref),
          { client, signal },
        );
        return confirmed.map((target) => ({
          target,
          outcome: outcomes.get(target.ref.id) ?? { status: "not-attempted", message: "missing" },
        }));
      },
    });
    return { purger, targets };
  }

  async function expectNextDialogOpens(): Promise<void> {
    expect(isDialogOpen()).toBe(false);
    const next = await openDialog(`${ORIGIN}/dialog/confirm.html`, { height: 40, width: 40 });
    next.close();
  }

  it("the run's Cancel ends the wait, closes the window, sends nothing; the next dialog opens", async () => {
    const windows = silentOutlook();
    const { purger, targets } = bulkRun(60 * 60_000);
    const run = purger.run();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(windows[0]?.url).toContain("/dialog/signin.html");
    purger.cancel();
    const result: PurgeResult = await run;
    expect(result.status).toBe("done");
    if (result.status !== "done") return;
    expect(result.results).toHaveLength(targets.length);
    expect(result.results.map((r) => r.outcome)).toEqual(
      targets.map(() => ({ status: "not-attempted", message: "Cancelled before this item: not deleted." })),
    );
    expect(summarize(result).message).toBe(
      "0 of 25 deleted permanently, 25 not attempted. The report below says why for each; run it again to retry what is left.",
    );
    expect(windows[0]?.close).toHaveBeenCalledTimes(1);
    expectNothingSent();
    await expectNextDialogOpens();
  });

  it("the deadline ends it with a sentence, closes the window, sends nothing; the next dialog opens", async () => {
    const windows = silentOutlook();
    const { purger } = bulkRun(200);
    const error = await purger.run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).kind).toBe("timed-out");
    // The sentence the pane's sign-in bar and the ribbon's notification show (10 minutes in production).
    expect(summarizeError(error).message).toMatch(
      /^Sign-in didn't finish within \d+ minutes, so its window was closed\. Nothing was deleted\. Choose Sign in to try again\.$/,
    );
    expect(windows[0]?.close).toHaveBeenCalledTimes(1);
    expectNothingSent();
    await expectNextDialogOpens();
  });
});

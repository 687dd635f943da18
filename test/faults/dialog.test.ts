/**
 * Fault table, the ribbon's confirmation dialog: the real command, the real dialog protocol (confirmInDialog)
 * over a scripted Office dialog session, and the real Graph client against the emulator. A forged, malformed or
 * mismatched answer, and every dialog error Outlook documents, must leave the emulator without a single delete.
 */
import { describe, expect, it } from "vitest";
import type { DialogEvent, DialogSession } from "../../src/core/office/dialog";
import { OfficeApiError } from "../../src/core/office/errors";
import { fitNotification } from "../../src/core/office/notifications";
import { confirmInDialog } from "../../src/core/purge/dialogConfirm";
import { notificationForError } from "../../src/core/purge/report";
import { PURGE_MESSAGES } from "../../src/core/purge/workflow";
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

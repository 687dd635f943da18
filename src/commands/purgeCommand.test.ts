/**
 * One press of the ribbon button, with fake collaborators: what is deleted (only after a matching yes for the
 * item still open) and what the notification bar says on every path.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../core/auth/errors";
import type { ItemRef } from "../core/graph/types";
import { NoItemError, OfficeApiError } from "../core/office/errors";
import {
  fitNotification,
  MAX_NOTIFICATION_LENGTH,
  type NotificationKind,
} from "../core/office/notifications";
import { ConfirmationRejected } from "../core/purge/dialogConfirm";
import { forbidden, notFound } from "../core/purge/graphWording";
import type { ConfirmationAnswer, ConfirmationRequest, DeleteReport, PurgeTarget } from "../core/purge/types";
import { COMMAND_BUDGET_MS, type CommandDeps, runPurgeCommand } from "./purgeCommand";

const EWS_ID = "AAMkAGI2TG93AAA+bc/de==";
const REF: ItemRef = { kind: "message", id: "AAMkAGI2TG93AAA-bc_de==", mailbox: { kind: "me" } };
const TARGET: PurgeTarget = {
  ref: REF,
  subject: "Quarterly numbers",
  from: { name: "Megan Bowen", address: "megan@contoso.com" },
  received: new Date("2026-11-20T09:30:00Z"),
};

interface Fakes {
  deps: CommandDeps;
  confirm: ReturnType<typeof vi.fn<CommandDeps["confirm"]>>;
  deleteItem: ReturnType<typeof vi.fn<CommandDeps["deleteItem"]>>;
  notes: { kind: NotificationKind; text: string }[];
}

function fakes(overrides: Partial<CommandDeps> = {}): Fakes {
  const notes: Fakes["notes"] = [];
  const confirm = vi.fn(
    async (request: ConfirmationRequest): Promise<ConfirmationAnswer> => ({
      confirmed: true,
      ids: request.targets.map((t) => t.ref.id),
    }),
  );
  const deleteItem = vi.fn(async (): Promise<DeleteReport> => ({ status: "purged" }));
  return {
    confirm,
    deleteItem,
    notes,
    deps: {
      resolveTarget: async () => TARGET,
      currentItemId: () => EWS_ID,
      confirm,
      deleteItem,
      notify: async (kind, text) => {
        notes.push({ kind, text });
      },
      ...overrides,
    },
  };
}

/** The one notification of a run, as Outlook would show it (notify fits it to 150 characters). */
function onlyNote(f: Fakes): { kind: NotificationKind; shown: string } {
  expect(f.notes).toHaveLength(1);
  const [note] = f.notes;
  if (!note) throw new Error("no notification");
  const shown = fitNotification(note.text);
  expect(shown.length).toBeLessThanOrEqual(MAX_NOTIFICATION_LENGTH);
  return { kind: note.kind, shown };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("runPurgeCommand", () => {
  it("deletes the confirmed item once and says it is gone for good", async () => {
    const f = fakes();
    const result = await runPurgeCommand(f.deps);
    expect(result?.status).toBe("done");
    expect(f.confirm).toHaveBeenCalledWith({ targets: [TARGET] });
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
    expect(f.deleteItem).toHaveBeenCalledWith(REF, expect.any(AbortSignal));
    const note = onlyNote(f);
    expect(note.kind).toBe("info");
    expect(note.shown).toMatch(/^Deleted permanently\. Outlook can't recover it/);
    expect(note.shown).toMatch(/hold/);
  });

  it("deletes nothing when the person cancels", async () => {
    const f = fakes();
    f.confirm.mockResolvedValue({ confirmed: false, reason: "cancelled" });
    expect((await runPurgeCommand(f.deps))?.status).toBe("cancelled");
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f)).toEqual({ kind: "info", shown: "Nothing was deleted." });
  });

  it("deletes nothing when the dialog was closed (12006) or timed out", async () => {
    for (const reason of ["closed", "timed-out"] as const) {
      const f = fakes();
      f.confirm.mockResolvedValue({ confirmed: false, reason });
      await runPurgeCommand(f.deps);
      expect(f.deleteItem).not.toHaveBeenCalled();
      expect(onlyNote(f).shown).toBe("Nothing was deleted.");
    }
  });

  it.each([
    [12004, /AppDomains/],
    [12005, /https/],
    [12007, /Another dialog .* is still open .* Close it, then try again/],
    [12009, /choose Allow/],
    [12011, /Allow pop-ups for Outlook/],
  ])("deletes nothing when the dialog can't open (%i) and says what to do", async (code, advice) => {
    const f = fakes();
    f.confirm.mockRejectedValue(new OfficeApiError("displayDialogAsync", code, undefined, "failed"));
    expect(await runPurgeCommand(f.deps)).toBeUndefined();
    expect(f.deleteItem).not.toHaveBeenCalled();
    const note = onlyNote(f);
    expect(note.kind).toBe("error");
    expect(note.shown).toContain(`error ${code}`);
    expect(note.shown).toMatch(advice);
  });

  it("says no message is selected when there is none", async () => {
    const f = fakes({
      resolveTarget: () => Promise.reject(new NoItemError()),
      currentItemId: () => undefined,
    });
    await runPurgeCommand(f.deps);
    expect(f.confirm).not.toHaveBeenCalled();
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f)).toEqual({
      kind: "info",
      shown: "No message is selected. Select a message, then try again.",
    });
  });

  it("asks to sign in when no token can be had", async () => {
    const f = fakes();
    f.deleteItem.mockRejectedValue(new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired));
    expect(await runPurgeCommand(f.deps)).toBeUndefined();
    expect(onlyNote(f)).toEqual({ kind: "error", shown: AUTH_MESSAGES.interactionRequired });
  });

  it("turns an unexpected exception into a sentence that says nothing was deleted", async () => {
    const f = fakes({ resolveTarget: () => Promise.reject(new TypeError("item.subject is undefined")) });
    expect(await runPurgeCommand(f.deps)).toBeUndefined();
    const note = onlyNote(f);
    expect(note.kind).toBe("error");
    expect(note.shown).toMatch(/nothing was deleted/);
    expect(note.shown).not.toContain("undefined");
  });

  it("never throws, even when reading the item's ID throws", async () => {
    const f = fakes({
      currentItemId: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'mailbox')");
      },
    });
    await expect(runPurgeCommand(f.deps)).resolves.toBeUndefined();
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f).shown).toMatch(/nothing was deleted/);
  });

  it("never throws when the notification itself fails", async () => {
    const f = fakes({
      notify: () => Promise.reject(new OfficeApiError("replaceAsync", 9041, undefined, "x")),
    });
    await expect(runPurgeCommand(f.deps)).resolves.toMatchObject({ status: "done" });
  });

  it("deletes nothing when the item changed during the confirmation", async () => {
    const ids = [EWS_ID, "AAMkOTHER+id=="];
    const f = fakes({ currentItemId: () => ids.shift() ?? "AAMkOTHER+id==" });
    expect((await runPurgeCommand(f.deps))?.status).toBe("voided");
    expect(f.confirm).toHaveBeenCalledTimes(1);
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f).shown).toMatch(/^The selection changed while the confirmation was open/);
  });

  it("deletes nothing when the item is gone after the confirmation", async () => {
    const ids: (string | undefined)[] = [EWS_ID, undefined];
    const f = fakes({ currentItemId: () => ids.shift() });
    expect((await runPurgeCommand(f.deps))?.status).toBe("voided");
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("deletes nothing when the yes names other IDs than were shown", async () => {
    const f = fakes();
    f.confirm.mockResolvedValue({ confirmed: true, ids: ["someone-else"] });
    expect((await runPurgeCommand(f.deps))?.status).toBe("voided");
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f).shown).toMatch(/didn't match what was shown/);
  });

  it("deletes nothing when the confirmation page answers out of turn", async () => {
    const f = fakes();
    f.confirm.mockRejectedValue(new ConfirmationRejected("A message came from another origin."));
    await runPurgeCommand(f.deps);
    expect(f.deleteItem).not.toHaveBeenCalled();
    expect(onlyNote(f)).toMatchObject({ kind: "info" });
    expect(onlyNote(f).shown).toMatch(/nothing was deleted/);
  });

  it("reports a refused delete as an error and an item not found calmly", async () => {
    const refused = fakes();
    refused.deleteItem.mockResolvedValue({
      status: "failed",
      problem: {
        kind: "forbidden",
        status: 403,
        code: "ErrorAccessDenied",
        message: forbidden({ op: "delete", item: REF }, "ErrorAccessDenied"),
      },
    });
    await runPurgeCommand(refused.deps);
    const bad = onlyNote(refused);
    expect(bad.kind).toBe("error");
    expect(bad.shown).toMatch(/isn't allowed to delete this message \(Graph error ErrorAccessDenied\)/);

    const gone = fakes();
    gone.deleteItem.mockResolvedValue({
      status: "already-gone",
      code: "ErrorItemNotFound",
      message: notFound({ kind: "message", mailbox: { kind: "me" } }, false),
    });
    await runPurgeCommand(gone.deps);
    const calm = onlyNote(gone);
    expect(calm.kind).toBe("info");
    expect(calm.shown).toMatch(/wasn't found where Outlook showed it: .* Nothing was deleted\./);
    expect(calm.shown).not.toMatch(/no longer|gone/);
  });

  it("aborts a delete that would run past Outlook's 5-minute limit", async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const f = fakes();
    f.deleteItem.mockImplementation(
      (_ref, signal) =>
        new Promise<DeleteReport>((resolve) => {
          seen = signal;
          signal.addEventListener("abort", () =>
            resolve({
              status: "failed",
              problem: { kind: "aborted", message: "Cancelled. The message was not deleted." },
            }),
          );
        }),
    );
    const run = runPurgeCommand(f.deps);
    await vi.advanceTimersByTimeAsync(COMMAND_BUDGET_MS - 1);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen?.aborted).toBe(true);
    await run;
    expect(onlyNote(f)).toEqual({ kind: "error", shown: "Cancelled. The message was not deleted." });
    expect(COMMAND_BUDGET_MS).toBeLessThan(5 * 60 * 1000);
  });
});

/**
 * The ribbon command's path: runPurgeCommand with the real confirmation protocol (confirmInDialog: ready, show
 * with a nonce, answer) against a scripted dialog page that may answer yes or no, close, time out, or send
 * forged, malformed or foreign messages; the item may change while the dialog is open. Deletion is one
 * permanentDelete through the real client and token service, against the emulator.
 */
import fc from "fast-check";
import type { Emulator } from "../../dev/emulator/server";
import { runPurgeCommand } from "../../src/commands/purgeCommand";
import type { DialogEvent, DialogSession } from "../../src/core/office/dialog";
import { confirmInDialog } from "../../src/core/purge/dialogConfirm";
import { reportDelete } from "../../src/core/purge/graphReports";
import type { PurgeResult, PurgeTarget } from "../../src/core/purge/types";
import {
  checkRetries,
  checkWireMatchesLog,
  coverage,
  deleteElsewhere,
  emulatorRecord,
  type IoClock,
  lastSeq,
  quiesce,
  short,
  startWorld,
} from "./harness";
import { type Command, commandArb } from "./scenario";

const ORIGIN = "https://localhost:3000";

/** How the confirmation page behaves. Only "yes" is a valid confirmation. */
export type Page =
  | "yes"
  | "no"
  | "closed-before-ready"
  | "closed-after-show"
  | "never-answers"
  | "answer-before-show"
  | "wrong-nonce"
  | "not-json"
  | "wrong-shape"
  | "foreign-origin"
  | "extra-id"
  | "other-id";

export type RibbonCommand =
  | { c: "press"; item: number; page: Page; itemChanged: boolean; goneWhileOpen: boolean }
  | Exclude<Command, { c: "purge" }>;

const show = <T extends object>(value: T, text: string): T =>
  Object.assign(value, { [fc.toStringMethod]: () => text });

const pageArb = fc.oneof(
  { arbitrary: fc.constant<Page>("yes"), weight: 8 },
  {
    arbitrary: fc.constantFrom<Page>(
      "no",
      "closed-before-ready",
      "closed-after-show",
      "never-answers",
      "answer-before-show",
      "wrong-nonce",
      "not-json",
      "wrong-shape",
      "foreign-origin",
      "extra-id",
      "other-id",
    ),
    weight: 4,
  },
);

const pressArb = fc
  .record({
    item: fc.integer({ min: 0, max: 11 }),
    page: pageArb,
    itemChanged: fc.nat({ max: 7 }).map((n) => n === 7),
    goneWhileOpen: fc.nat({ max: 7 }).map((n) => n === 7),
  })
  .map((p) =>
    show(
      { c: "press" as const, ...p },
      `press(item ${p.item}, page ${p.page}${p.itemChanged ? ", item changed while open" : ""}${p.goneWhileOpen ? ", deleted elsewhere while open" : ""})`,
    ),
  );

export interface RibbonScenario {
  tokenSeconds: number;
  seed: number;
  commands: RibbonCommand[];
}

export const ribbonScenarioArb: fc.Arbitrary<RibbonScenario> = fc.record({
  tokenSeconds: fc.constantFrom(3600, 90),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  commands: fc
    .tuple(
      fc.array(
        fc.oneof(
          {
            arbitrary: commandArb.filter((c): c is Exclude<typeof c, { c: "purge" }> => c.c !== "purge"),
            weight: 3,
          },
          { arbitrary: pressArb, weight: 3 },
        ),
        { maxLength: 8 },
      ),
      pressArb,
    )
    .map(([rest, last]) => [...rest, last] as RibbonCommand[]),
});

/** A dialog page following the script; it reads what it was shown to answer as the real page does. */
function scriptedDialog(page: Page, onOpen: () => void): () => Promise<DialogSession> {
  return async () => {
    onOpen();
    const outbox: DialogEvent[] = [];
    let waiting: ((e: DialogEvent) => void) | undefined;
    const emit = (e: DialogEvent) => {
      if (waiting) {
        const w = waiting;
        waiting = undefined;
        w(e);
      } else outbox.push(e);
    };
    const message = (m: unknown, origin: string | undefined = ORIGIN) =>
      emit({ type: "message", message: typeof m === "string" ? m : JSON.stringify(m), origin });
    if (page === "closed-before-ready") emit({ type: "closed", code: 12006 });
    else if (page === "answer-before-show")
      message({ type: "answer", nonce: "guess", confirmed: true, ids: [] });
    else if (page === "foreign-origin") message({ type: "ready" }, "https://evil.example");
    else message({ type: "ready" });
    return {
      originReported: true, // as Outlook on the web (DialogOrigin 1.1)
      send(raw: string) {
        const shown = JSON.parse(raw) as { nonce: string; items: { id: string }[] };
        const ids = shown.items.map((i) => i.id);
        const answer = (extra: Record<string, unknown>) =>
          message({ type: "answer", nonce: shown.nonce, ...extra });
        switch (page) {
          case "yes":
            return answer({ confirmed: true, ids });
          case "no":
            return answer({ confirmed: false });
          case "closed-after-show":
            return emit({ type: "closed", code: 12006 });
          case "wrong-nonce":
            return message({ type: "answer", nonce: `${shown.nonce}0`, confirmed: true, ids });
          case "not-json":
            return emit({ type: "message", message: "{yes", origin: ORIGIN });
          case "wrong-shape":
            return answer({ confirmed: "yes", ids });
          case "extra-id":
            return answer({ confirmed: true, ids: [...ids, "AAMkAextra"] });
          case "other-id":
            return answer({ confirmed: true, ids: ["AAMkAother"] });
          default:
            return undefined; // never-answers: the command's own deadline ends the wait
        }
      },
      next: () =>
        new Promise<DialogEvent>((resolve) => {
          const queued = outbox.shift();
          if (queued) resolve(queued);
          else waiting = resolve;
        }),
      close() {},
    };
  };
}

export interface RibbonPressReport {
  command: string;
  result: string;
  problems: string[];
}

export async function runRibbonScenario(
  emu: Emulator,
  setClock: (clock: IoClock) => void,
  scenario: RibbonScenario,
): Promise<RibbonPressReport[]> {
  const { pool, clock, wire, counted, apply } = startWorld(emu, setClock, scenario);
  const reports: RibbonPressReport[] = [];

  for (const command of scenario.commands) {
    if (command.c === "press") reports.push(await press(command));
    else apply(command);
  }
  return reports;

  async function press(command: Extract<RibbonCommand, { c: "press" }>): Promise<RibbonPressReport> {
    const id = pool[command.item] ?? "";
    const target: PurgeTarget = {
      ref: { kind: "message", id, mailbox: { kind: "me" } },
      subject: `Item ${command.item}`,
      from: { name: "Sender", address: "sender@contoso.com" },
      received: new Date(Date.UTC(2026, 0, 1)),
    };
    const pressSeq = lastSeq(emu);
    const firstSend = wire.sends.length;
    let current = id;
    let opened = 0;
    let answeredAt: number | undefined;
    const notices: string[] = [];

    const run = runPurgeCommand({
      resolveTarget: async () => target,
      currentItemId: () => current,
      confirm: (request) =>
        // The dialog is real I/O for the clock: time stands still while it is open.
        clock.track(
          confirmInDialog(request, {
            origin: ORIGIN,
            timeoutMs: 30,
            open: scriptedDialog(command.page, () => {
              opened += 1;
            }),
          }).finally(() => {
            if (command.itemChanged) current = pool[(command.item + 1) % pool.length] ?? "";
            if (command.goneWhileOpen) deleteElsewhere(emu, id);
            answeredAt = lastSeq(emu);
          }),
        ),
      deleteItem: async (ref, signal) => reportDelete(ref, await counted.permanentDelete(ref, { signal })),
      notify: async (_kind, text) => {
        notices.push(text);
      },
    });
    let result: PurgeResult | undefined;
    const problems: string[] = [];
    try {
      result = await clock.run(run);
    } catch (error) {
      problems.push(`runPurgeCommand threw ${String(error)}`);
    }
    await quiesce(emu, pressSeq);
    const record = emulatorRecord(emu, pressSeq, lastSeq(emu));
    const sends = wire.sends.slice(firstSend);
    const validYes = command.page === "yes" && !command.itemChanged;

    if (opened !== 1) problems.push(`the dialog opened ${opened} times`);
    if (notices.length !== 1) problems.push(`${notices.length} notifications (one per press)`);
    // 1. Deleted is a subset of confirmed (the model's: a valid yes for this item).
    for (const deleted of record.deletedByUs) {
      if (!validYes || deleted !== id)
        problems.push(`I1: ${short(deleted)} deleted without a valid confirmation`);
    }
    // 3. Nothing reaches Graph before the answer, and nothing at all without a valid yes.
    for (const entry of record.window) {
      if (entry.kind !== "graph") continue;
      if (answeredAt === undefined || entry.seq <= answeredAt) {
        problems.push(`I3: #${entry.seq} ${entry.op ?? entry.path} before the answer`);
      }
      if (!validYes)
        problems.push(`I3: #${entry.seq} ${entry.op ?? entry.path} without a valid yes (${command.page})`);
    }
    // 2. One outcome; purged only on the emulator's 204.
    if (result?.status === "done") {
      if (result.results.length !== 1 || result.results[0]?.target.ref.id !== id) {
        problems.push(`I2: ${result.results.length} outcomes`);
      }
      const outcome = result.results[0]?.outcome;
      if (outcome?.status === "purged" && !(record.answered204.has(id) && record.deletedByUs.has(id))) {
        problems.push("I2: reported purged without a 204");
      }
      if (outcome?.status === "not-attempted" && record.deletedByUs.has(id)) {
        problems.push("I2: reported not attempted, but deleted");
      }
    } else if (record.deletedByUs.size > 0) {
      problems.push(`I2: deleted, but the press ended ${result?.status ?? "with an error notice"}`);
    }
    if (validYes && result !== undefined && result.status !== "done") {
      problems.push(`a valid yes ended ${result.status}`);
    }
    // 4. Retries.
    problems.push(...checkRetries(sends, record, clock.waits), ...checkWireMatchesLog(sends, record));
    coverage.deletedByUs += record.deletedByUs.size;
    return { command: fc.stringify(command), result: result?.status ?? "error notice", problems };
  }
}

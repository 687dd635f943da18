/**
 * Interprets a Scenario the way the task pane runs it: Outlook's selection is listed and checked against Graph
 * (mailData.resolveSelection), the person unticks some and presses Delete, the workflow (createPurger) confirms,
 * checks the selection again and deletes through the scheduler (bulk) or one request per item (each), with
 * cancel. After every press the invariants are checked against the emulator's record.
 */
import fc from "fast-check";
import type { Emulator } from "../../dev/emulator/server";
import { AuthError } from "../../src/core/auth/errors";
import { GraphError } from "../../src/core/graph/errors";
import type { ItemRef } from "../../src/core/graph/types";
import { reportDelete } from "../../src/core/purge/graphReports";
import { resolveSelection } from "../../src/core/purge/mailData";
import { createRequestLedger, purgeItems } from "../../src/core/purge/scheduler";
import type { ConfirmationAnswer, ItemResult, PurgeResult, PurgeTarget } from "../../src/core/purge/types";
import { createPurger } from "../../src/core/purge/workflow";
import {
  checkRetries,
  checkWireMatchesLog,
  coverage,
  deleteElsewhere,
  emulatorRecord,
  type IoClock,
  isWrite,
  lastSeq,
  quiesce,
  short,
  startWorld,
} from "./harness";
import type { Answer, Command, Scenario } from "./scenario";

const ME = { kind: "me" } as const;

export interface PressReport {
  command: string;
  result: string;
  confirmed: number;
  deleted: number;
  problems: string[];
}

function answerFor(
  answer: Answer,
  shown: readonly PurgeTarget[],
  pool: readonly string[],
): ConfirmationAnswer {
  const ids = shown.map((t) => t.ref.id);
  const notShown = pool.find((id) => !ids.includes(id)) ?? "AAMkAnotshown";
  switch (answer) {
    case "yes":
      return { confirmed: true, ids };
    case "no":
      return { confirmed: false, reason: "cancelled" };
    case "closed":
      return { confirmed: false, reason: "closed" };
    case "timed-out":
      return { confirmed: false, reason: "timed-out" };
    case "forged-extra-id":
      return { confirmed: true, ids: [...ids, notShown] };
    case "forged-missing-id":
      return { confirmed: true, ids: ids.slice(1) };
    case "forged-duplicate-id":
      return { confirmed: true, ids: [...ids, ...ids.slice(0, 1)] };
    case "forged-other-id":
      return { confirmed: true, ids: [notShown, ...ids.slice(1)] };
  }
}

function key(ids: readonly string[]): string {
  return [...ids].sort().join("|");
}

/** Runs a scenario; returns one report per press (problems empty when every invariant held). */
export async function runPaneScenario(
  emu: Emulator,
  setClock: (clock: IoClock) => void,
  scenario: Scenario,
): Promise<PressReport[]> {
  const { pool, clock, wire, random, client, counted, apply } = startWorld(emu, setClock, scenario);
  const ledger = createRequestLedger(); // one per pane, shared by its runs
  const reports: PressReport[] = [];
  let outlookSelection: string[] = [];

  for (const command of scenario.commands) {
    if (command.c === "purge") reports.push(await press(command));
    else apply(command);
  }
  return reports;

  async function press(command: Extract<Command, { c: "purge" }>): Promise<PressReport> {
    const description = fc.stringify(command);
    // Outlook's selection, listed and checked against Graph (reads only) before the person can press anything.
    outlookSelection = command.select.map((i) => pool[i] ?? "");
    const listedKey = key(outlookSelection);
    let targets: PurgeTarget[];
    try {
      const resolved = await clock.run(
        resolveSelection(
          client,
          outlookSelection.map((restId) => ({
            restId,
            ewsId: "",
            subject: "",
            itemMode: "Read",
            itemType: "message",
          })),
          ME,
          new Map(),
        ),
      );
      targets = resolved.targets.filter((_, i) => !command.untick.includes(i));
    } catch (error) {
      // A failure while listing: the pane shows it; nothing can be pressed. The listing's other reads carry on
      // in the background (mapLimited doesn't stop its workers): let them end before anything is measured.
      await clock.drain();
      if (error instanceof AuthError || error instanceof GraphError)
        return { command: description, result: "listing failed", confirmed: 0, deleted: 0, problems: [] };
      throw error;
    }
    if (targets.length === 0)
      return { command: description, result: "nothing to press", confirmed: 0, deleted: 0, problems: [] };

    const pressSeq = lastSeq(emu);
    const firstSend = wire.sends.length;
    wire.cancelled = false;
    wire.cancelAfterWrites = undefined;
    let confirmed: PurgeTarget[] | undefined;
    let deleteSeq: number | undefined;
    let cancelledAtSend: number | undefined;

    // The workflow's own cancel, as the pane's Cancel button calls it (purger.cancel()).
    let purger: ReturnType<typeof createPurger> | undefined;
    purger = createPurger({
      resolveTargets: async () => [...targets],
      confirm: async ({ targets: shown }) => {
        const answer = answerFor(command.answer, shown, pool);
        const during = command.during;
        if (during.d === "selection-changed") {
          const extra = pool.find((id) => !outlookSelection.includes(id));
          outlookSelection =
            outlookSelection.length > 1 ? outlookSelection.slice(1) : [...outlookSelection, extra ?? ""];
        } else if (during.d === "reselected-same") {
          outlookSelection = [...outlookSelection].reverse();
        } else if (during.d === "gone-elsewhere") {
          deleteElsewhere(emu, shown[during.target % shown.length]?.ref.id ?? "");
        }
        return answer;
      },
      stillSelected: async (shown) => {
        const still = key(outlookSelection) === listedKey;
        if (scenario.deleter === "bulk" && still) {
          // Confirmed from here: a cancel now must still leave each of these with one outcome.
          confirmed = [...shown];
          deleteSeq = lastSeq(emu);
        }
        if (scenario.deleter === "bulk" && command.cancel === "during-recheck") {
          cancelledAtSend = wire.sends.length;
          wire.cancelNow();
        }
        return still || "The selection changed while the confirmation was open.";
      },
      ...(scenario.deleter === "bulk"
        ? {
            deleteMany: async (
              chosen: readonly PurgeTarget[],
              signal: AbortSignal,
            ): Promise<ItemResult[]> => {
              confirmed = [...chosen];
              deleteSeq = lastSeq(emu);
              if (command.cancel === "at-start") wire.cancelNow();
              else if (typeof command.cancel === "object")
                wire.cancelAfterWrites = command.cancel.afterWrites;
              const outcomes = await purgeItems(
                chosen.map((t) => t.ref),
                { client: counted, clock, signal, ledger, random },
              );
              return chosen.map((target) => ({
                target,
                outcome: outcomes.get(target.ref.id) ?? { status: "not-attempted", message: "(missing)" },
              }));
            },
          }
        : {
            deleteItem: async (ref: ItemRef) => {
              if (confirmed === undefined) {
                confirmed = [...targets];
                deleteSeq = lastSeq(emu);
              }
              return reportDelete(ref, await counted.permanentDelete(ref));
            },
          }),
    });

    wire.onCancel = () => {
      cancelledAtSend ??= wire.sends.length;
      purger?.cancel();
    };
    let result: PurgeResult | undefined;
    let thrown: unknown;
    try {
      result = await clock.run(purger.run());
    } catch (error) {
      thrown = error;
    }
    wire.onCancel = undefined;
    wire.cancelAfterWrites = undefined;
    await quiesce(emu, pressSeq);
    const record = emulatorRecord(emu, pressSeq, lastSeq(emu));
    const sends = wire.sends.slice(firstSend);
    const problems: string[] = [];
    const confirmedIds = new Set((confirmed ?? []).map((t) => t.ref.id));

    if (thrown !== undefined && !(thrown instanceof AuthError)) {
      problems.push(
        `the run threw ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)}`,
      );
    }
    if (result?.status === "busy") problems.push("a single press was reported busy");

    // The model's view: only a "yes" naming exactly what was shown, with the selection unchanged, confirms.
    const validYes = command.answer === "yes" && command.during.d !== "selection-changed";
    if (confirmed !== undefined && !validYes)
      problems.push("I1: deletion started without a valid confirmation");
    if (confirmed !== undefined && key([...confirmedIds]) !== key(targets.map((t) => t.ref.id))) {
      problems.push("I1: the confirmed set is not the set shown");
    }
    // 1. Deleted is a subset of confirmed.
    for (const id of record.deletedByUs) {
      if (!confirmedIds.has(id)) problems.push(`I1: ${short(id)} was deleted but not confirmed`);
    }

    // 3. Nothing before the confirmation (not even a read: the listing was before the press) ...
    for (const entry of record.window) {
      if (entry.kind !== "graph") continue;
      if (deleteSeq === undefined || entry.seq <= deleteSeq) {
        problems.push(
          `I3: request #${entry.seq} (${entry.op ?? entry.path}) reached Graph before a valid confirmation`,
        );
      }
    }
    if (deleteSeq === undefined && record.window.some(isWrite))
      problems.push("I3: a write without a confirmation");
    // ... and nothing new after cancel.
    for (const s of sends) {
      if (s.afterCancel)
        problems.push(`I3: send #${s.n} (${s.kind}, ${s.items.size} items) started after cancel`);
    }
    if (
      scenario.deleter === "bulk" &&
      (command.cancel === "at-start" || command.cancel === "during-recheck") &&
      sends.some((s) => s.kind !== "read")
    ) {
      problems.push(`I3: cancelled (${command.cancel}) before anything was sent, yet something was sent`);
    }
    if (
      scenario.deleter === "bulk" &&
      command.cancel === "during-recheck" &&
      result?.status === "done" &&
      result.results.some((r) => r.outcome.status !== "not-attempted")
    ) {
      problems.push("I3: cancelled during the re-check, yet an item reads other than 'not attempted'");
    }

    // 2. Exactly one outcome per confirmed item; "purged" only on the emulator's 204.
    if (result?.status === "done") {
      const seen = new Map<string, number>();
      for (const r of result.results) seen.set(r.target.ref.id, (seen.get(r.target.ref.id) ?? 0) + 1);
      for (const id of confirmedIds) {
        if (seen.get(id) !== 1) problems.push(`I2: ${short(id)} has ${seen.get(id) ?? 0} outcomes`);
      }
      for (const id of seen.keys())
        if (!confirmedIds.has(id)) problems.push(`I2: an outcome for unconfirmed ${short(id)}`);
      for (const r of result.results) {
        const id = r.target.ref.id;
        if (r.outcome.status === "purged" && !(record.answered204.has(id) && record.deletedByUs.has(id))) {
          problems.push(`I2: ${short(id)} reported purged without a 204 from the emulator`);
        }
        if (r.outcome.status === "not-attempted" && record.deletedByUs.has(id)) {
          problems.push(`I2: ${short(id)} reported not attempted, but the emulator deleted it`);
        }
        if (r.outcome.status === "already-gone" && record.answered204.has(id)) {
          problems.push(`I2: ${short(id)} reported not found, but the emulator answered 204`);
        }
      }
    } else if (record.deletedByUs.size > 0) {
      problems.push(
        `I2: the run ended ${result?.status ?? "with an error"} but ${record.deletedByUs.size} items were deleted`,
      );
    }
    if (confirmed !== undefined && result?.status !== "done" && thrown === undefined) {
      problems.push(`I2: deletion started, but the run ended ${result?.status ?? "?"}`);
    }

    // 4. Retries bounded and Retry-After honoured.
    problems.push(...checkRetries(sends, record, clock.waits), ...checkWireMatchesLog(sends, record));
    if (wire.overlaps > 0)
      problems.push(`${wire.overlaps} times more than 4 Outlook slots were held in one mailbox`);
    if (wire.badShapes > 0)
      problems.push(`${wire.badShapes} batches neither fully parallel nor fully sequential`);
    coverage.deletedByUs += record.deletedByUs.size;
    if (cancelledAtSend !== undefined) coverage.cancels += 1;

    return {
      command: description,
      result: thrown !== undefined ? `threw ${(thrown as Error).name}` : (result?.status ?? "?"),
      confirmed: confirmedIds.size,
      deleted: record.deletedByUs.size,
      problems,
    };
  }
}

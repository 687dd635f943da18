/**
 * The ribbon's "Delete permanently" button (ExecuteFunction, message read surface, ReadItem).
 *
 * Outlook ends a function command at event.completed() or after 5 minutes, and queues further presses until
 * then, so: one completed() in a finally, after all the work; a confirmation deadline well inside the limit;
 * and deletion aborted if it would run past it. The command acts on the item it was started on: the function
 * runtime gets no ItemChanged events, and Office.context.mailbox.item stays that item.
 */
import { OperationUnavailableError } from "../core/cloud";
import type { ItemRef } from "../core/graph/types";
import type { NotificationKind } from "../core/office/notifications";
import { DeleteNotAllowedError } from "../core/office/shared";
import { summarizeFailure } from "../core/purge/failures";
import { notificationText } from "../core/purge/report";
import type {
  ConfirmationAnswer,
  ConfirmationRequest,
  DeleteReport,
  PurgeResult,
  PurgeTarget,
} from "../core/purge/types";
import { createPurger } from "../core/purge/workflow";

/** Time for the page to load and the person to answer. */
export const CONFIRM_TIMEOUT_MS = 3 * 60 * 1000;
/** Everything must end before Outlook's 5-minute limit. */
export const COMMAND_BUDGET_MS = 4.5 * 60 * 1000;

export interface CommandDeps {
  resolveTarget(): Promise<PurgeTarget>;
  /** The ID of the item the command runs on, read again after the confirmation. */
  currentItemId(): string | undefined | Promise<string | undefined>;
  confirm(request: ConfirmationRequest): Promise<ConfirmationAnswer>;
  deleteItem(ref: ItemRef, signal: AbortSignal): Promise<DeleteReport>;
  notify(kind: NotificationKind, text: string): Promise<void>;
}

function kindOf(result: PurgeResult): NotificationKind {
  if (result.status !== "done") return "info";
  return result.results.every((r) => r.outcome.status === "purged" || r.outcome.status === "already-gone")
    ? "info"
    : "error";
}

/** Runs one press of the button. Never throws: every failure ends as a notification. */
export async function runPurgeCommand(deps: CommandDeps): Promise<PurgeResult | undefined> {
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), COMMAND_BUDGET_MS);
  try {
    // Inside the try: reading Office can throw, and this function promises never to.
    const startItemId = await deps.currentItemId();
    const purger = createPurger({
      resolveTargets: async () => [await deps.resolveTarget()],
      confirm: (request) => deps.confirm(request),
      stillSelected: async () => startItemId !== undefined && (await deps.currentItemId()) === startItemId,
      deleteItem: (ref) => deps.deleteItem(ref, budget.signal),
    });
    const result = await purger.run();
    await deps.notify(kindOf(result), notificationText(result)).catch(() => undefined);
    return result;
  } catch (error) {
    if (error instanceof DeleteNotAllowedError || error instanceof OperationUnavailableError) {
      // Refused before anything was sent: the short sentence says why and that nothing was deleted.
      await deps.notify("error", error.short).catch(() => undefined);
      return undefined;
    }
    const summary = summarizeFailure(error);
    await deps
      .notify(summary.tone === "error" ? "error" : "info", summary.short ?? summary.message)
      .catch(() => undefined);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

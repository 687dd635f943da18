/** What the pane shows once a purge has ended, and which items it counts as settled. */

import { OperationUnavailableError } from "../core/cloud";
import { t } from "../core/i18n";
import { DeleteNotAllowedError } from "../core/office/shared";
import { type Summary, summarize, summarizeError } from "../core/purge/report";
import type { ItemResult, ProblemReport, PurgeResult } from "../core/purge/types";

export interface ResultView {
  summary: Summary;
  problem?: ProblemReport | undefined;
}

/** A run's result bar, with Graph's details when its (single) item failed. */
export function resultView(outcome: Exclude<PurgeResult, { status: "busy" }>): ResultView {
  const first = outcome.status === "done" ? outcome.results[0]?.outcome : undefined;
  return { summary: summarize(outcome), problem: first?.status === "failed" ? first.problem : undefined };
}

/** Refusals made before anything was sent (delegate rights, the item's cloud) read as themselves. */
export function describeError(error: unknown): Summary {
  if (error instanceof DeleteNotAllowedError) {
    return { tone: "warning", title: t("purge.title.cantDeleteHere"), message: error.message };
  }
  if (error instanceof OperationUnavailableError) {
    return { tone: "warning", title: t("purge.title.notInCloud"), message: error.message };
  }
  return summarizeError(error);
}

/**
 * The IDs a run purged or found already gone: Outlook may keep showing them for a moment, and nothing more is
 * offered for them.
 */
export function settledIds(results: readonly ItemResult[]): string[] {
  return results
    .filter((r) => r.outcome.status === "purged" || r.outcome.status === "already-gone")
    .map((r) => r.target.ref.id);
}

/**
 * Every failure as a sentence a person can act on, Graph's read failures included: report.ts's summarizeError,
 * and a GraphError worded from its typed problem (graphReports.ts). Apart from report.ts because the pane's first
 * paint loads that one; the views that read from Graph (bulk, folders, contacts) and the ribbon command load this
 * one, with the Graph client.
 */
import { GraphError } from "../graph/errors";
import { t } from "../i18n";
import { describeProblem } from "./graphReports";
import { type Summary, summarizeError } from "./report";

export function summarizeFailure(error: unknown): Summary {
  if (error instanceof GraphError) {
    return {
      tone: "error",
      title: t("purge.title.graphError"),
      message: describeProblem(error.problem, { op: "read" }),
    };
  }
  return summarizeError(error);
}

/** The notification-bar sentence for a failure: the short form where the full one is too long. */
export function notificationForFailure(error: unknown): string {
  const summary = summarizeFailure(error);
  return summary.short ?? summary.message;
}

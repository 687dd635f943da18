/**
 * Words for results: one place, so the pane, the notification bar and the tests say the same thing.
 */
import { AuthError } from "../auth/errors";
import { GraphError } from "../graph/errors";
import { dialogProblem } from "../office/dialog";
import {
  DraftNotSavedError,
  NoItemError,
  OfficeApiError,
  RequirementError,
  UnsupportedItemError,
} from "../office/errors";
import { ConfirmationRejected } from "./dialogConfirm";
import type { ItemResult, PurgeResult } from "./types";
import { PURGE_MESSAGES } from "./workflow";

export type Tone = "success" | "info" | "warning" | "error";

export interface Summary {
  tone: Tone;
  title: string;
  message: string;
  /** For Outlook's notification bar (150 characters at most), when `message` is longer. */
  short?: string;
}

/** Notification-bar forms (at most 150 characters each) of sentences that are longer in the pane. */
export const SHORT_MESSAGES = {
  notConfigured:
    "The add-in has no Microsoft Entra app configured, so it can't sign in. Ask whoever deployed it. Nothing was deleted.",
  conditionalAccess: (correlationId: string | undefined) =>
    `Your organization's sign-in policy blocks this add-in. Ask your admin${correlationId ? ` (ID ${correlationId})` : ""}. Nothing was deleted.`,
  dialog: {
    12004:
      "Outlook blocked the confirmation (error 12004): the add-in's origin isn't in its AppDomains. Ask your admin. Nothing was deleted.",
    12005:
      "Outlook blocked the confirmation (error 12005): it isn't served over https. Ask your admin. Nothing was deleted.",
  } as Record<number, string>,
} as const;

export const HOLD_NOTE =
  "Outlook can't bring it back. If your mailbox is on hold, your organization keeps a copy for its retention period.";

export function quoteSubject(subject: string): string {
  // Control and bidi-override characters would garble a notification line; they are removed on purpose.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = subject.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ").trim();
  if (clean === "") return "(no subject)";
  return clean.length > 60 ? `“${clean.slice(0, 59).trimEnd()}…”` : `“${clean}”`;
}

export function summarizeItem(result: ItemResult): Summary {
  const outcome = result.outcome;
  switch (outcome.status) {
    case "purged":
      return {
        tone: "success",
        title: "Deleted permanently",
        message: `${quoteSubject(result.target.subject)} was deleted permanently. ${HOLD_NOTE}`,
      };
    case "already-gone":
      return { tone: "info", title: "Already gone", message: outcome.message };
    case "failed":
      return { tone: "error", title: "Not deleted", message: outcome.problem.message };
    case "not-attempted":
      return { tone: "warning", title: "Not deleted", message: outcome.message };
  }
}

export function summarize(result: PurgeResult): Summary {
  switch (result.status) {
    case "cancelled":
      return { tone: "info", title: "Cancelled", message: result.message };
    case "voided":
      return { tone: "warning", title: "Nothing deleted", message: result.message };
    case "busy":
      return {
        tone: "info",
        title: "Already deleting",
        message: "A deletion is already running. Wait for it to finish.",
      };
    case "done": {
      const [only] = result.results;
      if (result.results.length === 1 && only) return summarizeItem(only);
      const count = (status: string) => result.results.filter((r) => r.outcome.status === status).length;
      const purged = count("purged");
      const gone = count("already-gone");
      const failed = count("failed");
      const notAttempted = count("not-attempted");
      // "Already gone" is not a failure: nothing is left to delete for those.
      const unfinished = failed + notAttempted;
      const parts = [`${purged} of ${result.results.length} deleted permanently`];
      if (gone > 0) parts.push(`${gone} already gone`);
      if (failed > 0) parts.push(`${failed} not deleted`);
      if (notAttempted > 0) parts.push(`${notAttempted} not attempted`);
      return {
        tone: unfinished === 0 ? "success" : purged === 0 ? "error" : "warning",
        title: unfinished === 0 ? "Deleted permanently" : "Some messages not deleted",
        message: `${parts.join(", ")}.${unfinished > 0 ? " The report below says why for each; run it again to retry what is left." : ` ${HOLD_NOTE}`}`,
      };
    }
  }
}

/** A short line for Outlook's notification bar (the caller trims to 150 characters). */
export function notificationText(result: PurgeResult): string {
  const summary = summarize(result);
  if (result.status === "done" && summary.tone === "success") {
    return "Deleted permanently. Outlook can't recover it; a mailbox hold keeps a copy for retention.";
  }
  return summary.message;
}

/** The error code and correlation ID an administrator needs, for failures a retry won't fix. */
function authDetails(error: AuthError): string {
  const parts: string[] = [];
  const { code, correlationId } = error.details;
  const routine =
    error.kind === "interaction-required" || error.kind === "cancelled" || error.kind === "not-configured";
  if (code && !routine) parts.push(`Error code: ${code}`);
  if (correlationId) parts.push(`Correlation ID: ${correlationId}`);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/** Every failure as a sentence a person can act on. Unknown errors still say that nothing was deleted. */
export function summarizeError(error: unknown): Summary {
  if (error instanceof AuthError) {
    const correlationId = error.details.correlationId;
    const short =
      error.kind === "not-configured"
        ? SHORT_MESSAGES.notConfigured
        : error.kind === "conditional-access"
          ? SHORT_MESSAGES.conditionalAccess(correlationId)
          : undefined;
    return {
      tone: error.kind === "cancelled" ? "info" : "error",
      title: error.canSignIn ? "Sign-in needed" : "Can't sign in",
      message: error.message + authDetails(error),
      ...(short ? { short } : {}),
    };
  }
  if (
    error instanceof NoItemError ||
    error instanceof DraftNotSavedError ||
    error instanceof UnsupportedItemError
  ) {
    return { tone: "info", title: "Nothing to delete", message: error.message };
  }
  if (error instanceof RequirementError)
    return { tone: "error", title: "Not supported here", message: error.message };
  if (error instanceof OfficeApiError) {
    if (error.operation === "displayDialogAsync") {
      const short = error.code === undefined ? undefined : SHORT_MESSAGES.dialog[error.code];
      return {
        tone: error.code === 12006 ? "info" : "error",
        title: "Nothing deleted",
        message: dialogProblem(error.code),
        ...(short ? { short } : {}),
      };
    }
    return {
      tone: "error",
      title: "Outlook error",
      message: `Outlook reported an error (${error.operation}${error.code ? `, ${error.code}` : ""}). Nothing was deleted. Try again; if it keeps happening, reload Outlook.`,
    };
  }
  if (error instanceof GraphError) {
    return { tone: "error", title: "Microsoft Graph error", message: error.problem.message };
  }
  if (error instanceof ConfirmationRejected) {
    return { tone: "warning", title: "Nothing deleted", message: PURGE_MESSAGES.mismatch };
  }
  return {
    tone: "error",
    title: "Something went wrong",
    message:
      "Something unexpected went wrong, and nothing was deleted. Try again; if it keeps happening, reload Outlook.",
  };
}

/** The notification-bar sentence for a failure: the short form where the full one is too long. */
export function notificationForError(error: unknown): string {
  const summary = summarizeError(error);
  return summary.short ?? summary.message;
}

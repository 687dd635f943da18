/**
 * Words for results: one place, so the pane, the notification bar and the tests say the same thing.
 */
import { AuthError } from "../auth/errors";
import { t } from "../i18n";
import {
  DraftNotSavedError,
  dialogProblem,
  NoItemError,
  OfficeApiError,
  RequirementError,
  UnsupportedItemError,
} from "../office/errors";
import { ConfirmationRejected } from "./protocol";
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
  get notConfigured() {
    return t("purge.short.notConfigured");
  },
  conditionalAccess: (correlationId: string | undefined) =>
    t("purge.short.conditionalAccess", {
      id: correlationId ? t("purge.short.conditionalAccessId", { id: correlationId }) : "",
    }),
  dialog: (code: number | undefined): string | undefined =>
    code === 12004 || code === 12005 ? t(`purge.short.${code}` as const) : undefined,
};

/** What a purge means, said after every confirmation and result. */
export function holdNote(): string {
  return t("purge.holdNote");
}

export function quoteSubject(subject: string): string {
  // Control and bidi-override characters would garble a notification line; they are removed on purpose.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = subject.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ").trim();
  if (clean === "") return t("common.noSubject");
  return t("common.quoted", { text: clean.length > 60 ? `${clean.slice(0, 59).trimEnd()}…` : clean });
}

export function summarizeItem(result: ItemResult): Summary {
  const outcome = result.outcome;
  switch (outcome.status) {
    case "purged":
      return {
        tone: "success",
        title: t("purge.title.deleted"),
        message: t("purge.deleted", { subject: quoteSubject(result.target.subject), hold: holdNote() }),
      };
    case "already-gone":
      return { tone: "info", title: t("purge.title.alreadyGone"), message: outcome.message };
    case "failed":
      return { tone: "error", title: t("purge.title.notDeleted"), message: outcome.problem.message };
    case "not-attempted":
      return { tone: "warning", title: t("purge.title.notDeleted"), message: outcome.message };
  }
}

export function summarize(result: PurgeResult): Summary {
  switch (result.status) {
    case "cancelled":
      return { tone: "info", title: t("purge.title.cancelled"), message: result.message };
    case "voided":
      return { tone: "warning", title: t("purge.title.nothingDeleted"), message: result.message };
    case "busy":
      return {
        tone: "info",
        title: t("purge.title.alreadyDeleting"),
        message: t("purge.busy"),
      };
    case "done": {
      const [only] = result.results;
      if (result.results.length === 1 && only) return summarizeItem(only);
      const count = (status: string) => result.results.filter((r) => r.outcome.status === status).length;
      const purged = count("purged");
      const gone = count("already-gone");
      const failed = count("failed");
      const notAttempted = count("not-attempted");
      // "Not found" is not a failure (nothing was where the ID pointed), but it is no deletion either.
      const unfinished = failed + notAttempted;
      const mayHaveDeleted = result.results.some(
        (r) => r.outcome.status === "already-gone" && r.outcome.mayHaveDeleted === true,
      );
      if (unfinished === 0 && purged === 0 && !mayHaveDeleted) {
        return {
          tone: "info",
          title: t("purge.title.nothingDeleted"),
          message: t("purge.count.noneFound", { count: gone }),
        };
      }
      const parts = [t("purge.count.purged", { purged, total: result.results.length })];
      if (gone > 0) parts.push(t("purge.count.gone", { count: gone }));
      if (failed > 0) parts.push(t("purge.count.failed", { count: failed }));
      if (notAttempted > 0) parts.push(t("purge.count.notAttempted", { count: notAttempted }));
      const counts = parts.join(t("purge.count.separator"));
      return {
        tone: unfinished === 0 ? "success" : purged === 0 ? "error" : "warning",
        title: unfinished === 0 ? t("purge.title.deleted") : t("purge.title.someNotDeleted"),
        message:
          unfinished > 0
            ? t("purge.count.unfinished", { counts })
            : t("purge.count.finished", { counts, hold: holdNote() }),
      };
    }
  }
}

/** A short line for Outlook's notification bar (the caller trims to 150 characters). */
export function notificationText(result: PurgeResult): string {
  const summary = summarize(result);
  if (result.status === "done" && summary.tone === "success") {
    return t("purge.notification.deleted");
  }
  return summary.message;
}

/** The error code and correlation ID an administrator needs, for failures a retry won't fix. */
function authDetails(error: AuthError): string {
  const parts: string[] = [];
  const { code, correlationId } = error.details;
  const routine =
    error.kind === "interaction-required" ||
    error.kind === "cancelled" ||
    error.kind === "timed-out" ||
    error.kind === "not-configured";
  if (code && !routine) parts.push(t("auth.errorCode", { code }));
  if (correlationId) parts.push(t("auth.correlationId", { id: correlationId }));
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/**
 * Every failure as a sentence a person can act on. Unknown errors still say that nothing was deleted. Graph's read
 * failures (GraphError) are worded by failures.ts's summarizeFailure, which the views that read from Graph use.
 */
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
      title: error.canSignIn ? t("purge.title.signInNeeded") : t("purge.title.cantSignIn"),
      message: error.message + authDetails(error),
      ...(short ? { short } : {}),
    };
  }
  if (
    error instanceof NoItemError ||
    error instanceof DraftNotSavedError ||
    error instanceof UnsupportedItemError
  ) {
    return { tone: "info", title: t("purge.title.nothingToDelete"), message: error.message };
  }
  if (error instanceof RequirementError)
    return { tone: "error", title: t("purge.title.notSupported"), message: error.message };
  if (error instanceof OfficeApiError) {
    if (error.operation === "displayDialogAsync") {
      const short = SHORT_MESSAGES.dialog(error.code);
      return {
        tone: error.code === 12006 ? "info" : "error",
        title: t("purge.title.nothingDeleted"),
        message: dialogProblem(error.code),
        ...(short ? { short } : {}),
      };
    }
    return {
      tone: "error",
      title: t("purge.title.outlookError"),
      message: t("purge.outlookError", {
        operation: error.operation,
        code: error.code ? t("purge.outlookErrorCode", { code: String(error.code) }) : "",
      }),
    };
  }
  if (error instanceof ConfirmationRejected) {
    return { tone: "warning", title: t("purge.title.nothingDeleted"), message: PURGE_MESSAGES.mismatch };
  }
  return {
    tone: "error",
    title: t("purge.title.wentWrong"),
    message: t("purge.unexpected"),
  };
}

/** The notification-bar sentence for a failure: the short form where the full one is too long. */
export function notificationForError(error: unknown): string {
  const summary = summarizeError(error);
  return summary.short ?? summary.message;
}

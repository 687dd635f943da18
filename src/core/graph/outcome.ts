/**
 * The one mapping from a Graph answer to what a person reads, shared by a plain permanentDelete and by each
 * `$batch` member (whose status, headers and body arrive as JSON inside the batch answer). Keeping one mapping
 * means a member's 404 reads exactly like a single delete's 404, and only a 204 ever reads as purged.
 */

import { t } from "../i18n";
import { type GraphErrorDetails, readErrorDetails, withDetails } from "./errors";
import type { LostCause } from "./exchange";
import type { DeleteOutcome, GraphProblem, ItemKind, ItemRef } from "./types";
import type { Subject } from "./wording";
import * as say from "./wording";
import { nounForms } from "./wording";

/** What the caller knows beyond the answer itself. */
export interface AnswerContext {
  /** An earlier attempt (a 504, a dropped connection, an unreadable batch answer) may have done the work. */
  uncertain?: boolean;
  /** Graph asked for a wait beyond what we were willing to wait (ms). */
  retryAfterExceededMs?: number;
}

/** Response headers as fetch gives them, or a batch member's JSON header object. */
export type HeaderSource = Headers | Readonly<Record<string, string>>;

/** Headers from a batch member's JSON object; names or values fetch refuses are dropped, not thrown. */
export function toHeaders(source: HeaderSource): Headers {
  if (source instanceof Headers) return source;
  const headers = new Headers();
  for (const [name, value] of Object.entries(source)) {
    if (typeof value !== "string") continue;
    try {
      headers.set(name, value);
    } catch {
      // A malformed header name from the server costs us that header only.
    }
  }
  return headers;
}

/** A non-success answer as a problem; 404 and 2xx are decided by the caller (they mean different things per op). */
export function problemForStatus(
  subject: Subject,
  status: number,
  details: GraphErrorDetails,
  context: AnswerContext = {},
): GraphProblem {
  const uncertain = context.uncertain ?? false;
  const { code } = details;
  const base = (kind: GraphProblem["kind"], message: string): GraphProblem =>
    withDetails({ kind, message, status }, details);

  if (context.retryAfterExceededMs !== undefined) {
    return {
      ...base("throttled", say.throttledTooLong(subject, context.retryAfterExceededMs, code, uncertain)),
      retryAfterMs: context.retryAfterExceededMs,
    };
  }
  if (status === 401) return base("unauthorized", say.unauthorized(code));
  if (status === 403) return base("forbidden", say.forbidden(subject, code));
  if (status === 400) {
    return code === "ErrorInvalidIdMalformed"
      ? base("bad-request", say.malformedId(subject, code))
      : base("bad-request", say.badRequest(subject, status, code));
  }
  if (status === 429) return base("throttled", say.throttled(subject, code, uncertain));
  if (status === 503 || status === 504) {
    return base("unavailable", say.unavailable(subject, status, code, uncertain));
  }
  if (status >= 500) return base("server", say.serverError(subject, status, code));
  return base("unexpected", say.unexpectedStatus(subject, status, code));
}

/** A call that got no usable answer (exchange.ts's "lost"): cancelled, timed out, or failed on the wire. */
export function problemForLost(
  subject: Subject,
  lost: { cause: LostCause; uncertain: boolean },
  timeoutMs: number,
): GraphProblem {
  const { cause, uncertain } = lost;
  switch (cause.type) {
    case "network":
      return { kind: "network", message: say.network(subject, cause.beforeSend, uncertain) };
    case "timeout":
      return { kind: "timeout", message: say.timeout(subject, timeoutMs) };
    case "aborted":
      return { kind: "aborted", message: say.aborted(subject, cause.inFlight || uncertain) };
  }
}

/**
 * The outcome of one delete from its answer: 204 purged; other 2xx failed (only a 204 proves it); 404 "not found"
 * (status "already-gone": nothing to delete where the ID pointed; worded so it never claims the item no longer
 * exists), except ErrorInvalidMailboxItemId (the item exists, in another mailbox) and MailboxNotEnabledForRESTAPI
 * (Graph can't serve the mailbox), which fail; everything else a problem.
 * `body` is the raw text of a top-level answer or a member's parsed JSON body.
 */
export function outcomeFromResponse(
  status: number,
  headers: HeaderSource,
  body: unknown,
  item: ItemRef,
  context: AnswerContext = {},
): DeleteOutcome {
  if (status === 204) return { status: "purged" };
  const subject: Subject = { op: "delete", item };
  const details = readErrorDetails(bodyText(body), toHeaders(headers));
  if (status >= 200 && status < 300) {
    return {
      status: "failed",
      problem: withDetails(
        { kind: "unexpected", message: say.unexpectedSuccess(subject, status), status },
        details,
      ),
    };
  }
  if (status === 404) {
    if (details.code === "ErrorInvalidMailboxItemId") {
      // Not gone: it lives in another mailbox than the path named. Reporting it as gone would hide a real item.
      return {
        status: "failed",
        problem: withDetails(
          { kind: "bad-request", message: say.wrongMailbox(item.kind, details.code, item.mailbox), status },
          details,
        ),
      };
    }
    if (details.code === "MailboxNotEnabledForRESTAPI") {
      // Not the item: Graph can't serve the whole mailbox. Nothing was deleted, and retrying won't change that.
      return {
        status: "failed",
        problem: withDetails(
          { kind: "unavailable", message: say.mailboxNotEnabled(item.kind), status },
          details,
        ),
      };
    }
    const found: DeleteOutcome = {
      status: "already-gone",
      code: details.code ?? "NotFound",
      message: say.notFound(item, context.uncertain ?? false),
    };
    if (context.uncertain) found.mayHaveDeleted = true;
    return found;
  }
  return { status: "failed", problem: problemForStatus(subject, status, details, context) };
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  try {
    return JSON.stringify(body);
  } catch {
    return undefined;
  }
}

// Sentences the batch path needs beyond the single-request ones; same rules (no claim without a 204).

/** A batch answer that did not say what happened to this member (missing, repeated, unreadable). */
export function unknownOutcomeMessage(kind: ItemKind): string {
  return t("graph.unknownOutcome", nounForms(kind));
}

export { cancelledBeforeItem } from "./wording";

/** Items kept waiting on 424 answers (a request before them in the batch failed) more times than we allow. */
export function dependencyMessage(kind: ItemKind): string {
  return t("graph.dependency", nounForms(kind));
}

/**
 * The one mapping from a Graph answer to a typed outcome, shared by a plain permanentDelete and by each `$batch`
 * member (whose status, headers and body arrive as JSON inside the batch answer). Keeping one mapping means a
 * member's 404 means exactly what a single delete's 404 means, and only a 204 is ever purged. No sentences here:
 * src/core/purge/graphWording.ts words these for the person.
 */
import { type GraphErrorDetails, readErrorDetails, withDetails } from "./errors";
import type { LostCause } from "./exchange";
import type { DeleteOutcome, GraphProblem } from "./types";

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
  status: number,
  details: GraphErrorDetails,
  context: AnswerContext = {},
): GraphProblem {
  const uncertain = context.uncertain ?? false;
  const answered = <P extends GraphProblem>(problem: P): P => withDetails({ ...problem, status }, details);

  if (context.retryAfterExceededMs !== undefined) {
    return answered({
      kind: "throttled",
      uncertain,
      waitTooLong: true,
      retryAfterMs: context.retryAfterExceededMs,
    });
  }
  if (status === 401) return answered({ kind: "unauthorized", cause: "refused" });
  if (status === 403) return answered({ kind: "forbidden" });
  if (status === 400) return answered({ kind: "bad-request", cause: "refused" });
  if (status === 429) return answered({ kind: "throttled", uncertain, waitTooLong: false });
  if (status === 503 || status === 504) return answered({ kind: "unavailable", cause: "answer", uncertain });
  if (status >= 500) return answered({ kind: "server" });
  return answered({ kind: "unexpected", cause: "answer" });
}

/** A call that got no usable answer (exchange.ts's "lost"): cancelled, timed out, or failed on the wire. */
export function problemForLost(
  lost: { cause: LostCause; uncertain: boolean },
  timeoutMs: number,
): GraphProblem {
  const { cause, uncertain } = lost;
  switch (cause.type) {
    case "network":
      return { kind: "network", beforeSend: cause.beforeSend, uncertain };
    case "timeout":
      return { kind: "timeout", timeoutMs };
    case "aborted":
      return { kind: "aborted", mayHaveArrived: cause.inFlight || uncertain };
  }
}

/**
 * The outcome of one delete from its answer: 204 purged; other 2xx failed (only a 204 proves it); 404 "not found"
 * (status "already-gone": nothing to delete where the ID pointed; it never means the item no longer exists),
 * except ErrorInvalidMailboxItemId (the item exists, in another mailbox) and MailboxNotEnabledForRESTAPI (Graph
 * can't serve the mailbox), which fail; everything else a problem.
 * `body` is the raw text of a top-level answer or a member's parsed JSON body.
 */
export function outcomeFromResponse(
  status: number,
  headers: HeaderSource,
  body: unknown,
  context: AnswerContext = {},
): DeleteOutcome {
  if (status === 204) return { status: "purged" };
  const details = readErrorDetails(bodyText(body), toHeaders(headers));
  const failed = (problem: GraphProblem): DeleteOutcome => ({
    status: "failed",
    problem: withDetails({ ...problem, status }, details),
  });
  if (status >= 200 && status < 300) return failed({ kind: "unexpected", cause: "answer" });
  if (status === 404) {
    // Not gone: it lives in another mailbox than the path named. Reporting it as gone would hide a real item.
    if (details.code === "ErrorInvalidMailboxItemId")
      return failed({ kind: "bad-request", cause: "wrong-mailbox" });
    // Not the item: Graph can't serve the whole mailbox. Nothing was deleted, and retrying won't change that.
    if (details.code === "MailboxNotEnabledForRESTAPI") {
      return failed({ kind: "unavailable", cause: "mailbox-not-enabled" });
    }
    const found: DeleteOutcome = { status: "already-gone", code: details.code ?? "NotFound" };
    if (context.uncertain) found.mayHaveDeleted = true;
    return found;
  }
  return { status: "failed", problem: problemForStatus(status, details, context) };
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

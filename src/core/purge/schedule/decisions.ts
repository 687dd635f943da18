/**
 * What one answer means for one item: settle it with an outcome, or send it again (when, and whether that spent
 * one of its attempts). No I/O: the mailbox runner acts on the decision.
 *
 * Only a 204 is purged (graph/outcome.ts maps every answer, the same for a plain delete and a batch member;
 * graphReports.ts words the outcome).
 * 429/503/504 and unreadable answers are retried after the member's own Retry-After (batch member headers are JSON,
 * always readable) or a jittered backoff, at most `maxAttempts` sends; a Retry-After beyond `maxRetryDelayMs` is not
 * waited for. A 424 member never ran (a request before it in its sequential batch failed): it goes back without
 * spending an attempt. A batch refused whole with 429/503 ran nothing: its members wait and go again.
 */
import type { BatchFailure, BatchMemberResult } from "../../graph/batch";
import { outcomeFromResponse } from "../../graph/outcome";
import { nextTry, parseRetryAfter } from "../../graph/retry";
import type { ItemRef } from "../../graph/types";
import { deleting, reportDelete, reportProblem } from "../graphReports";
import * as say from "../graphWording";
import type { DeleteReport, ItemOutcome } from "../types";
import type { LaneItem } from "./lanes";

export interface Entry extends LaneItem {
  readonly ref: ItemRef;
  /** Sends answered with something other than 424. */
  attempts: number;
  dependencyRequeues: number;
  /** A request carrying it got an answer or failed on the wire. */
  sent: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  maxRetryDelayMs: number;
  random: () => number;
}

export type Decision = { kind: "settle"; outcome: ItemOutcome } | { kind: "retry"; notBefore: number };

// A 424 costs no attempt; this only guards against a server that 424s forever.
export const MAX_DEPENDENCY_REQUEUES = 10;
const RETRYABLE = new Set([429, 503, 504]);

function unknownOutcome(entry: Entry): DeleteReport {
  return {
    status: "failed",
    problem: { kind: "unexpected", message: say.unknownOutcomeMessage(entry.ref.kind) },
  };
}

/** A retryable answer: again after the wait, unless out of attempts or asked to wait too long. */
function retryOrSettle(
  entry: Entry,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  now: number,
  final: (context: { retryAfterExceededMs?: number }) => DeleteReport,
): Decision {
  // The Graph client's rule (graph/retry.ts): attempts so far are the first send and the retries after it.
  const next = nextTry(retryAfterMs, Math.max(0, entry.attempts - 1), {
    maxRetries: policy.maxAttempts - 1,
    maxRetryDelayMs: policy.maxRetryDelayMs,
    random: policy.random,
  });
  if (next.retry) return { kind: "retry", notBefore: now + next.delayMs };
  return {
    kind: "settle",
    outcome: final(
      next.retryAfterExceededMs === undefined ? {} : { retryAfterExceededMs: next.retryAfterExceededMs },
    ),
  };
}

/** One member's answer (or the lack of one) inside a batch that Graph answered. */
export function decideMember(
  entry: Entry,
  member: BatchMemberResult | undefined,
  policy: RetryPolicy,
  now: number,
): Decision {
  if (member === undefined || member.kind === "unknown") {
    // It may have run; trying again is safe (a 404 then reads "may have been deleted by an earlier attempt").
    entry.uncertain = true;
    entry.attempts += 1;
    return retryOrSettle(entry, undefined, policy, now, () => unknownOutcome(entry));
  }
  const { status, headers, body } = member;
  if (status === 424) {
    entry.dependencyRequeues += 1;
    if (entry.dependencyRequeues > MAX_DEPENDENCY_REQUEUES) {
      return {
        kind: "settle",
        outcome: {
          status: "failed",
          problem: { kind: "unexpected", message: say.dependencyMessage(entry.ref.kind), status },
        },
      };
    }
    return { kind: "retry", notBefore: now };
  }
  entry.attempts += 1;
  if (RETRYABLE.has(status)) {
    if (status === 504) entry.uncertain = true; // the gateway gave up; Exchange may still have done it
    const retryAfterMs = parseRetryAfter(headers["retry-after"] ?? null, now);
    return retryOrSettle(entry, retryAfterMs, policy, now, (extra) =>
      reportDelete(
        entry.ref,
        outcomeFromResponse(status, headers, body, { uncertain: entry.uncertain, ...extra }),
      ),
    );
  }
  const outcome = outcomeFromResponse(status, headers, body, { uncertain: entry.uncertain });
  return { kind: "settle", outcome: reportDelete(entry.ref, outcome) };
}

/** A batch Graph did not answer member by member (refused whole, failed on the wire, or aborted). */
export function decideFailedBatch(
  entry: Entry,
  failure: BatchFailure,
  policy: RetryPolicy,
  now: number,
): Decision {
  if (failure.nothingRan && failure.problem.kind === "aborted") {
    // The run halted before the client could resend a batch that ran nothing: never carried out.
    return { kind: "retry", notBefore: now };
  }
  if (failure.nothingRan && (failure.status === 429 || failure.status === 503)) {
    // Graph refused the whole batch before running any of it: the same members wait and go again.
    entry.attempts += 1;
    return retryOrSettle(entry, failure.retryAfterMs, policy, now, ({ retryAfterExceededMs }) => {
      const problem = reportProblem(failure.problem, deleting(entry.ref));
      if (retryAfterExceededMs !== undefined) problem.retryAfterMs = retryAfterExceededMs;
      return { status: "failed", problem };
    });
  }
  return {
    kind: "settle",
    outcome: { status: "failed", problem: reportProblem(failure.problem, deleting(entry.ref)) },
  };
}

/** A request that threw something other than a token error: it may have reached Graph. */
export function unknownAfterThrow(entry: Entry): ItemOutcome {
  return unknownOutcome(entry);
}

/** An item still waiting when the run ended (cancelled, or stopped by a sign-in failure). */
export function leftoverOutcome(entry: Entry, stopMessage: string | undefined): ItemOutcome {
  if (!entry.sent || !entry.uncertain) {
    // Never sent, or every earlier answer (429, 424) said it wasn't carried out: nothing happened to it.
    return { status: "not-attempted", message: stopMessage ?? say.cancelledBeforeItem() };
  }
  // Sent before, with an answer that leaves open whether it was deleted (504, a lost answer).
  return {
    status: "failed",
    problem: {
      kind: "aborted",
      message:
        stopMessage === undefined
          ? say.aborted(deleting(entry.ref), true)
          : say.maybeDeletedThenStopped(entry.ref.kind, stopMessage),
    },
  };
}

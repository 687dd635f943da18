/**
 * Sends one lane's turn for a mailbox, waits for the answer, and acts on it: settles each item in the run or puts
 * it back in its lane with the time it may go again (decisions.ts says which), and charges the request budget.
 *
 * One item is one plain permanentDelete; more go as one `$batch`, fully parallel (up to 4 members, each one of
 * Outlook's 4 slots) or fully sequential (each member depends on the one before). A request that failed on the wire
 * is not resent here (it may have run): each of its items is reported "may or may not have been deleted". A
 * sign-in failure puts the items back and stops the run.
 */
import { AuthError } from "../../auth/errors";
import {
  type BatchFailure,
  type BatchRequest,
  type BatchResult,
  permanentDeleteMember,
  sequentialDeleteBatch,
} from "../../graph/batch";
import type { GraphClient } from "../../graph/client";
import type { DeleteOutcome } from "../../graph/types";
import type { SchedulerClock } from "../clock";
import { deleting, describeProblem, reportDelete } from "../graphReports";
import {
  type Decision,
  decideFailedBatch,
  decideMember,
  type Entry,
  type RetryPolicy,
  unknownAfterThrow,
} from "./decisions";
import type { Lanes } from "./lanes";
import type { SendWindow } from "./requestLedger";
import type { PurgeRun } from "./runState";

/** How a mailbox's items go: see the file header. */
export type Shape = "single" | "parallel" | "sequential";

/** What a send needs: the mailbox's collaborators and where its answers go. */
export interface Sender {
  client: Pick<GraphClient, "permanentDelete" | "batch">;
  clock: SchedulerClock;
  run: PurgeRun;
  policy: RetryPolicy;
  window: SendWindow;
  lanes: Pick<Lanes<Entry>, "putBack">;
  shape: Shape;
}

/** Sends `chosen` (taken from `lane`) as the mailbox's shape says, and acts on the answer. */
export function send(sender: Sender, lane: number, chosen: readonly Entry[]): Promise<void> {
  const first = chosen[0];
  if (sender.shape === "single" && first !== undefined) return sendSingle(sender, lane, first);
  return sendBatch(sender, lane, chosen);
}

async function sendSingle(sender: Sender, lane: number, entry: Entry): Promise<void> {
  const { client, clock, run, window } = sender;
  window.begin(1);
  let outcome: DeleteOutcome;
  try {
    outcome = await client.permanentDelete(entry.ref, { stopRetries: run.halt });
  } catch (error) {
    window.end(1, 0, clock.now());
    if (error instanceof AuthError) stopOnSignIn(sender, lane, [entry], error);
    else settleUnknown(run, [entry]);
    return;
  }
  window.end(1, 0, clock.now());
  run.markSent(entry);
  run.settle(entry, reportDelete(entry.ref, outcome));
  if (outcome.status === "failed" && outcome.problem.kind === "unauthorized") {
    run.stopWith({ message: describeProblem(outcome.problem, deleting(entry.ref)) });
  }
}

async function sendBatch(sender: Sender, lane: number, chosen: readonly Entry[]): Promise<void> {
  const { client, clock, run, window } = sender;
  window.begin(chosen.length);
  let result: BatchResult;
  try {
    // stopRetries, not a signal: a batch already on its way finishes and is reported, but the client must not
    // send it again (after a 429 wait or a token refresh) once the run has halted.
    result = await client.batch(batchRequests(sender.shape, chosen), { stopRetries: run.halt });
  } catch (error) {
    window.end(chosen.length, 0, clock.now());
    if (error instanceof AuthError) stopOnSignIn(sender, lane, chosen, error);
    else settleUnknown(run, chosen);
    return;
  }
  const now = clock.now();
  window.end(chosen.length, chosen.length * Math.max(0, result.sends - 1), now);
  for (const entry of chosen) run.markSent(entry);
  if (result.ok) applyMemberAnswers(sender, lane, chosen, result, now);
  else applyFailedBatch(sender, lane, chosen, result.failure, now);
}

function batchRequests(shape: Shape, chosen: readonly Entry[]): BatchRequest[] {
  const refs = chosen.map((e) => e.ref);
  return shape === "parallel"
    ? refs.map((ref, i) => permanentDeleteMember(String(i + 1), ref))
    : sequentialDeleteBatch(refs);
}

/** Graph answered member by member: each member's answer decides for its item. */
function applyMemberAnswers(
  sender: Sender,
  lane: number,
  chosen: readonly Entry[],
  result: Extract<BatchResult, { ok: true }>,
  now: number,
): void {
  chosen.forEach((entry, i) => {
    if (result.uncertain) entry.uncertain = true;
    apply(sender, lane, entry, decideMember(entry, result.responses.get(String(i + 1)), sender.policy, now));
  });
}

/** Graph refused the batch whole (or it ended without an answer): one decision per item from the failure. */
function applyFailedBatch(
  sender: Sender,
  lane: number,
  chosen: readonly Entry[],
  failure: BatchFailure,
  now: number,
): void {
  for (const entry of chosen)
    apply(sender, lane, entry, decideFailedBatch(entry, failure, sender.policy, now));
  const first = chosen[0];
  if (failure.problem.kind === "unauthorized" && first !== undefined) {
    // The token is refused even after a refresh: every further request would be refused the same way.
    sender.run.stopWith({ message: describeProblem(failure.problem, deleting(first.ref)) });
  }
}

function apply(sender: Sender, lane: number, entry: Entry, decision: Decision): void {
  if (decision.kind === "settle") {
    sender.run.settle(entry, decision.outcome);
    return;
  }
  entry.notBefore = decision.notBefore;
  sender.lanes.putBack(lane, entry);
}

/**
 * No token: nothing of this request ran, unless an earlier send of it may have (mayHaveRun: a 504 before the
 * sign-in failed). Back to the lane, to end as not attempted, or as "may have been deleted"; the run stops.
 */
function stopOnSignIn(sender: Sender, lane: number, entries: readonly Entry[], error: AuthError): void {
  for (const entry of entries) {
    if (error.mayHaveRun) {
      sender.run.markSent(entry);
      entry.uncertain = true;
    }
    sender.lanes.putBack(lane, entry);
  }
  sender.run.stopWith({ message: error.message, error });
}

/** The request threw something other than a token error: it may have reached Graph. */
function settleUnknown(run: PurgeRun, entries: readonly Entry[]): void {
  for (const entry of entries) {
    run.markSent(entry);
    run.settle(entry, unknownAfterThrow(entry));
  }
}

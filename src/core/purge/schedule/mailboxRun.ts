/**
 * Purges one mailbox's items: one worker per lane (lanes.ts), each sending its next batch when the previous one is
 * answered, the request budget allows it (requestLedger.ts) and its items are ready (decisions.ts says when).
 *
 * The request shape per mailbox: one item is one plain permanentDelete; up to 4 items are one fully parallel `$batch`
 * (each member one of Outlook's 4 slots); more go through 4 lanes of fully sequential batches. A batch POST that
 * failed on the wire is not resent (its members may have run): each member is reported "may or may not have been
 * deleted". Cancel (the run's halt signal) starts nothing new; what is on its way finishes and is reported.
 */
import { AuthError } from "../../auth/errors";
import {
  type BatchRequest,
  type BatchResult,
  permanentDeleteMember,
  sequentialDeleteBatch,
} from "../../graph/batch";
import type { GraphClient } from "../../graph/client";
import type { DeleteOutcome } from "../../graph/types";
import type { SchedulerClock } from "../clock";
import {
  type Decision,
  decideFailedBatch,
  decideMember,
  type Entry,
  leftoverOutcome,
  type RetryPolicy,
  unknownAfterThrow,
} from "./decisions";
import { Lanes } from "./lanes";
import type { SendWindow } from "./requestLedger";
import type { PurgeRun } from "./runState";

export interface MailboxRunOptions {
  client: Pick<GraphClient, "permanentDelete" | "batch">;
  clock: SchedulerClock;
  run: PurgeRun;
  policy: RetryPolicy;
  window: SendWindow;
  /** Requests in flight at most (Outlook: 4 per app and mailbox). */
  maxConcurrent: number;
  /** Members per `$batch` at most (Graph: 20). */
  maxBatch: number;
}

type Shape = "single" | "parallel" | "sequential";

/** Wakes every waiting worker when something changed (an answer, items back in a lane, a lane got busy). */
class Changes {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Until the next notify, `ms` passing (when finite) or `halt`. */
  async wait(ms: number, clock: SchedulerClock, halt: AbortSignal): Promise<void> {
    if (halt.aborted) return;
    const woken = new AbortController();
    const wake = () => woken.abort();
    const onHalt = () => woken.abort();
    this.waiters.add(wake);
    halt.addEventListener("abort", onHalt, { once: true });
    try {
      if (Number.isFinite(ms)) {
        await clock.sleep(Math.max(0, ms), woken.signal).catch(() => undefined);
      } else {
        await new Promise<void>((resolve) => {
          woken.signal.addEventListener("abort", () => resolve(), { once: true });
        });
      }
    } finally {
      this.waiters.delete(wake);
      halt.removeEventListener("abort", onHalt);
      woken.abort(); // ends a sleep still pending, so no timer outlives the wait
    }
  }
}

export async function runMailbox(entries: readonly Entry[], options: MailboxRunOptions): Promise<void> {
  const { client, clock, run, policy, window, maxConcurrent, maxBatch } = options;
  const shape: Shape =
    entries.length === 1 ? "single" : entries.length <= maxConcurrent ? "parallel" : "sequential";
  const lanes = new Lanes<Entry>(
    shape === "sequential" ? maxConcurrent : 1,
    shape === "parallel" ? maxConcurrent : maxBatch,
    shape === "sequential",
  );
  lanes.deal(entries);
  const changes = new Changes();

  const apply = (lane: number, entry: Entry, decision: Decision) => {
    if (decision.kind === "settle") {
      run.settle(entry, decision.outcome);
      return;
    }
    entry.notBefore = decision.notBefore;
    lanes.putBack(lane, entry);
  };

  async function sendSingle(lane: number, entry: Entry): Promise<void> {
    window.begin(1);
    let outcome: DeleteOutcome;
    try {
      outcome = await client.permanentDelete(entry.ref, { stopRetries: run.halt });
    } catch (error) {
      window.end(1, 0, clock.now());
      if (error instanceof AuthError) {
        if (error.mayHaveRun) {
          // Sent once already (a 504) before the sign-in failed: it may have been deleted.
          run.markSent(entry);
          entry.uncertain = true;
        }
        lanes.putBack(lane, entry);
        run.stopWith({ message: error.message, error });
        return;
      }
      run.markSent(entry);
      run.settle(entry, unknownAfterThrow(entry));
      return;
    }
    window.end(1, 0, clock.now());
    run.markSent(entry);
    run.settle(entry, outcome);
    if (outcome.status === "failed" && outcome.problem.kind === "unauthorized") {
      run.stopWith({ message: outcome.problem.message });
    }
  }

  async function sendBatch(lane: number, chosen: readonly Entry[]): Promise<void> {
    const refs = chosen.map((e) => e.ref);
    const requests: BatchRequest[] =
      shape === "parallel"
        ? refs.map((ref, i) => permanentDeleteMember(String(i + 1), ref))
        : sequentialDeleteBatch(refs);
    window.begin(chosen.length);
    let result: BatchResult;
    try {
      // stopRetries, not a signal: a batch already on its way finishes and is reported, but the client must not
      // send it again (after a 429 wait or a token refresh) once the run has halted.
      result = await client.batch(requests, { stopRetries: run.halt });
    } catch (error) {
      window.end(chosen.length, 0, clock.now());
      if (error instanceof AuthError) {
        // No token: nothing of this batch ran, unless an earlier send of it may have (mayHaveRun). Back to the
        // lane, to end as not attempted, or as "may have been deleted".
        for (const entry of chosen) {
          if (error.mayHaveRun) {
            run.markSent(entry);
            entry.uncertain = true;
          }
          lanes.putBack(lane, entry);
        }
        run.stopWith({ message: error.message, error });
        return;
      }
      for (const entry of chosen) {
        run.markSent(entry);
        run.settle(entry, unknownAfterThrow(entry));
      }
      return;
    }
    const now = clock.now();
    window.end(chosen.length, chosen.length * Math.max(0, result.sends - 1), now);
    for (const entry of chosen) run.markSent(entry);
    if (!result.ok) {
      const { failure } = result;
      for (const entry of chosen) apply(lane, entry, decideFailedBatch(entry, failure, policy, now));
      const first = chosen[0];
      if (failure.kind === "unauthorized" && first !== undefined) {
        // The token is refused even after a refresh: every further request would be refused the same way.
        run.stopWith({ message: failure.problemFor(first.ref).message });
      }
      return;
    }
    chosen.forEach((entry, i) => {
      if (result.uncertain) entry.uncertain = true;
      apply(lane, entry, decideMember(entry, result.responses.get(String(i + 1)), policy, now));
    });
  }

  async function worker(lane: number): Promise<void> {
    while (!run.halt.aborted) {
      const now = clock.now();
      const room = window.room(now);
      const chosen = lanes.take(lane, now, room);
      if (chosen.length === 0) {
        if (lanes.waiting === 0 && lanes.inFlight === 0) {
          changes.notify();
          return;
        }
        const readyAt = lanes.nextReadyAt();
        const wait =
          readyAt <= now ? (room < 1 ? window.waitFor(1, now) : Number.POSITIVE_INFINITY) : readyAt - now;
        await changes.wait(wait, clock, run.halt);
        continue;
      }
      lanes.setBusy(lane, true);
      changes.notify(); // idle lanes may now take from this lane's backlog
      try {
        const first = chosen[0];
        if (shape === "single" && first !== undefined) await sendSingle(lane, first);
        else await sendBatch(lane, chosen);
      } finally {
        lanes.setBusy(lane, false);
        changes.notify();
      }
    }
  }

  await Promise.all(Array.from({ length: lanes.count }, (_, lane) => worker(lane)));
  for (const entry of lanes.drain()) run.settle(entry, leftoverOutcome(entry, run.stop?.message));
}

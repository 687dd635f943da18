/**
 * Purges one mailbox's items: one worker per lane (lanes.ts), each sending its next batch when the previous one is
 * answered, the request budget allows it (requestLedger.ts) and its items are ready (decisions.ts says when);
 * send.ts sends and acts on the answer.
 *
 * The request shape per mailbox: one item is one plain permanentDelete; up to 4 items are one fully parallel `$batch`
 * (each member one of Outlook's 4 slots); more go through 4 lanes of fully sequential batches. Cancel (the run's
 * halt signal) starts nothing new; what is on its way finishes and is reported, and what is left in the lanes ends
 * as not attempted (or "may have been deleted" when an earlier send of it may have run).
 */
import type { GraphClient } from "../../graph/client";
import type { SchedulerClock } from "../clock";
import { type Entry, leftoverOutcome, type RetryPolicy } from "./decisions";
import { Lanes } from "./lanes";
import type { SendWindow } from "./requestLedger";
import type { PurgeRun } from "./runState";
import { type Sender, type Shape, send } from "./send";

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
  const { maxConcurrent, maxBatch } = options;
  const shape: Shape =
    entries.length === 1 ? "single" : entries.length <= maxConcurrent ? "parallel" : "sequential";
  const lanes = new Lanes<Entry>(
    shape === "sequential" ? maxConcurrent : 1,
    shape === "parallel" ? maxConcurrent : maxBatch,
    shape === "sequential",
  );
  lanes.deal(entries);
  const mailbox: Mailbox = { ...options, lanes, shape, changes: new Changes() };
  await Promise.all(Array.from({ length: lanes.count }, (_, lane) => worker(mailbox, lane)));
  for (const entry of lanes.drain())
    options.run.settle(entry, leftoverOutcome(entry, options.run.stop?.message));
}

/** One mailbox's run: what its workers share. */
interface Mailbox extends Sender {
  lanes: Lanes<Entry>;
  changes: Changes;
}

/**
 * One lane's worker: takes what is ready and fits the budget, sends it and waits for the answer; with nothing to
 * take, waits until something changes or the next item is ready. Ends when the run halts or no item is left.
 */
async function worker(mailbox: Mailbox, lane: number): Promise<void> {
  const { clock, run, window, lanes, changes } = mailbox;
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
      await send(mailbox, lane, chosen);
    } finally {
      lanes.setBusy(lane, false);
      changes.notify();
    }
  }
}

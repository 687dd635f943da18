/**
 * One purge run's shared record: exactly one outcome per item, the counts and progress the pane shows, and why the
 * run stopped. Every mailbox's runner settles items here and nowhere else.
 */
import type { AuthError } from "../../auth/errors";
import type { SchedulerClock } from "../clock";
import type { ItemOutcome } from "../types";
import type { Entry } from "./decisions";

export interface PurgeProgress {
  total: number;
  purged: number;
  alreadyGone: number;
  failed: number;
  /** Never sent because the run stopped (cancelled, sign-in failed). */
  notAttempted: number;
  left: number;
  /** estimate of ms left, from the observed rate; undefined until known */
  etaMs: number | undefined;
}

export interface RunCallbacks {
  onProgress?(progress: PurgeProgress): void;
  onItem?(id: string, outcome: ItemOutcome): void;
}

/** Why the run stopped before its work was done (not a cancel: that is the caller's signal). */
export interface Stop {
  message: string;
  error?: AuthError;
}

/** Rethrown outside the run: a throwing callback must not leave items without an outcome. */
function reportLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

export class PurgeRun {
  readonly outcomes = new Map<string, ItemOutcome>();
  private readonly counts = { purged: 0, alreadyGone: 0, failed: 0, notAttempted: 0 };
  private settledAfterSending = 0;
  private readonly startedAt: number;
  /** Ends sleeps at once when the person cancels or the run stops on a sign-in failure. */
  private readonly halter = new AbortController();
  private stopped: Stop | undefined;
  /** At least one request reached the wire. */
  anySent = false;

  constructor(
    readonly total: number,
    private readonly clock: SchedulerClock,
    private readonly callbacks: RunCallbacks,
  ) {
    this.startedAt = clock.now();
  }

  get halt(): AbortSignal {
    return this.halter.signal;
  }

  get stop(): Stop | undefined {
    return this.stopped;
  }

  /** Cancel: no new work starts. */
  cancel(): void {
    this.halter.abort();
  }

  /** A failure that ends the run (the first reason wins). */
  stopWith(stop: Stop): void {
    this.stopped ??= stop;
    this.halter.abort();
  }

  markSent(entry: Entry): void {
    entry.sent = true;
    this.anySent = true;
  }

  settle(entry: Entry, outcome: ItemOutcome): void {
    const { id } = entry.ref;
    if (this.outcomes.has(id)) return; // cannot happen: each entry leaves its lane once
    this.outcomes.set(id, outcome);
    if (outcome.status === "purged") this.counts.purged += 1;
    else if (outcome.status === "already-gone") this.counts.alreadyGone += 1;
    else if (outcome.status === "failed") this.counts.failed += 1;
    else this.counts.notAttempted += 1;
    if (entry.sent) this.settledAfterSending += 1;
    try {
      this.callbacks.onItem?.(id, outcome);
    } catch (error) {
      reportLater(error);
    }
    if (this.callbacks.onProgress === undefined) return;
    try {
      this.callbacks.onProgress(this.progress());
    } catch (error) {
      reportLater(error);
    }
  }

  private progress(): PurgeProgress {
    const left = this.total - this.outcomes.size;
    const elapsed = this.clock.now() - this.startedAt;
    const etaMs =
      left === 0
        ? 0
        : this.settledAfterSending > 0 && elapsed > 0
          ? Math.round((left * elapsed) / this.settledAfterSending)
          : undefined;
    return { total: this.total, ...this.counts, left, etaMs };
  }
}

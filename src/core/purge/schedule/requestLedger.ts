/**
 * Outlook's request budget, 10,000 requests per 10 minutes per app and mailbox (learn.microsoft.com/graph/
 * throttling-limits, "Outlook service limits"), kept by pacing rather than by hitting it. A sliding window per
 * mailbox counts member requests: each counts from its send until `windowMs` after its answer arrived (Exchange
 * charges it somewhere in between), so no window Exchange can draw holds more than the limit.
 */

/** Member requests sent to one mailbox. */
export class SendWindow {
  private answered: number[] = []; // answer times, ascending
  private inFlight = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** How many more may be sent now. */
  room(now: number): number {
    this.prune(now);
    return this.limit - this.inFlight - this.answered.length;
  }

  /** Ms until `k` more fit (only answered requests age out). */
  waitFor(k: number, now: number): number {
    this.prune(now);
    const excess = this.inFlight + this.answered.length + k - this.limit;
    if (excess <= 0) return 0;
    const t = this.answered[excess - 1];
    return t === undefined ? this.windowMs : Math.max(1, t + this.windowMs - now);
  }

  begin(n: number): void {
    this.inFlight += n;
  }

  /** `extra`: further copies the client sent on its own (top-level retries), charged at the answer time. */
  end(n: number, extra: number, now: number): void {
    this.inFlight -= n;
    for (let i = 0; i < n + extra; i += 1) this.answered.push(now);
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.answered.length && (this.answered[drop] ?? 0) + this.windowMs <= now) drop += 1;
    if (drop > 0) this.answered.splice(0, drop);
  }
}

/**
 * Opaque record of recent requests per mailbox; create once (e.g. per task pane) and pass to every run, so a run
 * after a cancel counts the earlier one's requests. Runs sharing a ledger must not overlap (the workflow's busy
 * guard ensures that).
 */
export interface RequestLedger {
  readonly kind: "request-ledger";
}

const ledgerWindows = new WeakMap<RequestLedger, Map<string, SendWindow>>();

export function createRequestLedger(): RequestLedger {
  const ledger: RequestLedger = Object.freeze({ kind: "request-ledger" });
  ledgerWindows.set(ledger, new Map());
  return ledger;
}

/** The ledger's window for one mailbox; a new one when the budget changed. */
export function windowFor(
  ledger: RequestLedger,
  mailboxKey: string,
  budget: { requests: number; windowMs: number },
): SendWindow {
  let windows = ledgerWindows.get(ledger);
  if (windows === undefined) {
    windows = new Map();
    ledgerWindows.set(ledger, windows);
  }
  const existing = windows.get(mailboxKey);
  if (existing !== undefined && existing.limit === budget.requests && existing.windowMs === budget.windowMs) {
    return existing;
  }
  const window = new SendWindow(budget.requests, budget.windowMs);
  windows.set(mailboxKey, window);
  return window;
}

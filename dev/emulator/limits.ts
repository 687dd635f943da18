/**
 * Exchange Online's limits for Graph mail, as Graph enforces them (learn.microsoft.com/graph/throttling-limits,
 * "Outlook service limits": per app ID and mailbox): at most 4 requests in flight (batch members counted one by
 * one; a fully sequential batch runs one member at a time, so it holds one) and a request budget per 10 minutes.
 * Both count per app and mailbox: another app (the Outlook simulator's own reads) never uses up the add-in's.
 * The budget uses fixed windows on the emulator's clock, so a test can move a fake clock past the
 * window instead of waiting.
 */

export interface LimitSettings {
  concurrencyPerMailbox: number;
  budgetPerWindow: number;
  windowMs: number;
  /** `Retry-After` (seconds) sent with a concurrency 429. */
  concurrencyRetryAfterSeconds: number;
  /**
   * A message list whose page would carry more than this many messages answers 504 (the list-messages page: "returning
   * a page with hundreds of messages ... may trigger the gateway timeout (HTTP 504)"). Graph's real threshold depends on
   * the payload and is not published: 250 whatever `$select` asks is the stricter reading. 0 turns it off.
   */
  messagePageLimit: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  concurrencyPerMailbox: 4,
  budgetPerWindow: 10_000,
  windowMs: 10 * 60 * 1000,
  concurrencyRetryAfterSeconds: 1,
  messagePageLimit: 250,
};

export class Limits {
  private inFlight = new Map<string, number>();
  private windows = new Map<string, { start: number; count: number }>();

  constructor(public settings: LimitSettings) {}

  /** Counts one request against the budget; when over, the seconds until the window ends. */
  charge(
    appId: string,
    mailbox: string,
    now: number,
  ): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const key = `${appId}|${mailbox.toLowerCase()}`;
    let w = this.windows.get(key);
    if (!w || now >= w.start + this.settings.windowMs || now < w.start) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.settings.budgetPerWindow) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.settings.windowMs - now) / 1000)),
      };
    }
    w.count += 1;
    return { ok: true };
  }

  tryAcquire(appId: string, mailbox: string): boolean {
    const key = `${appId}|${mailbox.toLowerCase()}`;
    const n = this.inFlight.get(key) ?? 0;
    if (n >= this.settings.concurrencyPerMailbox) return false;
    this.inFlight.set(key, n + 1);
    return true;
  }

  release(appId: string, mailbox: string): void {
    const key = `${appId}|${mailbox.toLowerCase()}`;
    const n = this.inFlight.get(key) ?? 0;
    if (n <= 1) this.inFlight.delete(key);
    else this.inFlight.set(key, n - 1);
  }

  /** In flight for one mailbox: one app's requests, or every app's when `appId` is left out. */
  inFlightFor(mailbox: string, appId?: string): number {
    const suffix = `|${mailbox.toLowerCase()}`;
    let n = 0;
    for (const [key, count] of this.inFlight) {
      if (key.endsWith(suffix) && (appId === undefined || key === `${appId}${suffix}`)) n += count;
    }
    return n;
  }

  /**
   * Forgets budget windows but keeps in-flight counts: a request still running holds its slot until it ends, whatever
   * was reset meanwhile (at Exchange a closed pane's requests count until they finish).
   */
  resetBudgets(): void {
    this.windows.clear();
  }
}

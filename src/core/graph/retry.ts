/** Retry-After parsing, backoff and abortable waiting. No timers are left behind after an abort. */

const DELAY_SECONDS = /^\s*(\d+)\s*$/;
// RFC 9110 HTTP-date: IMF-fixdate, the obsolete RFC 850 form, and asctime. Checked before Date.parse,
// because Date.parse accepts almost anything ("1.5" is a date to V8).
const IMF_FIXDATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC850_DATE = /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Retry-After in milliseconds from now: delay-seconds or an HTTP-date (a past date gives 0).
 * Missing or unreadable gives undefined (browsers often cannot read the header under CORS).
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const seconds = DELAY_SECONDS.exec(value);
  if (seconds?.[1] !== undefined) {
    const ms = Number(seconds[1]) * 1000;
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  const trimmed = value.trim();
  if (!IMF_FIXDATE.test(trimmed) && !RFC850_DATE.test(trimmed) && !ASCTIME_DATE.test(trimmed)) {
    return undefined;
  }
  // asctime carries no zone; HTTP says it is GMT.
  const at = Date.parse(ASCTIME_DATE.test(trimmed) ? `${trimmed} GMT` : trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 32_000;
/** Full jitter can draw 0; a floor keeps us from retrying at once. */
export const BACKOFF_FLOOR_MS = 250;

/** Exponential backoff with full jitter: uniform in [floor, min(cap, base * 2^retryIndex)). */
export function backoffDelay(retryIndex: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(BACKOFF_FLOOR_MS, Math.floor(r * ceiling));
}

/** The wait before sending again: a readable, positive Retry-After is obeyed exactly; otherwise jittered backoff. */
export function retryDelay(
  retryAfterMs: number | undefined,
  retryIndex: number,
  random: () => number,
): number {
  return retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : backoffDelay(retryIndex, random);
}

/** How far trying again may go: the retries after the first send, and the longest Retry-After worth waiting for. */
export interface RetryLimits {
  maxRetries: number;
  maxRetryDelayMs: number;
  /** Jitter source in [0, 1). */
  random: () => number;
}

export type NextTry = { retry: true; delayMs: number } | { retry: false; retryAfterExceededMs?: number };

/**
 * The core's one rule after an answer worth trying again (the client's 429/503/504, the scheduler's members, a
 * folder's delete): give up when Graph asks for a longer wait than `maxRetryDelayMs` (the caller says how long it
 * asked) or when the retries are used up; otherwise send again after `retryDelay`.
 */
export function nextTry(retryAfterMs: number | undefined, retriesUsed: number, limits: RetryLimits): NextTry {
  if (retryAfterMs !== undefined && retryAfterMs > limits.maxRetryDelayMs) {
    return { retry: false, retryAfterExceededMs: retryAfterMs };
  }
  if (retriesUsed >= limits.maxRetries) return { retry: false };
  return { retry: true, delayMs: retryDelay(retryAfterMs, retriesUsed, limits.random) };
}

export class AbortedError extends Error {
  constructor() {
    super("aborted");
    this.name = "AbortError";
  }
}

/** Settles like `promise`, or rejects with AbortedError as soon as `signal` aborts (even if `promise` never settles). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // it may still reject later; nobody is listening
    return Promise.reject(new AbortedError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(new AbortedError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** setTimeout-based sleep that ends early (rejecting) when the signal aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

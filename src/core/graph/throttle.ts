/**
 * The retry step of a Graph call: after a 429/503/504 (or, for a GET, a lost attempt), whether to send again and
 * after how long, and the wait itself. Graph's throttling guidance: wait the Retry-After it gives, else back off
 * (learn.microsoft.com/graph/throttling).
 */
import { AbortedError, backoffDelay, nextTry, parseRetryAfter, raceAbort } from "./retry";
import { whileEither } from "./signals";

export interface RetrySettings {
  /** Retries of 429/503/504 (and of network errors and timeouts for GETs only). */
  maxRetries: number;
  /** A Retry-After beyond this is not waited for. */
  maxRetryDelayMs: number;
  /** Must settle early (or never) when the signal aborts; the caller also stops waiting by itself. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for HTTP-date Retry-After. */
  now: () => number;
  /** Jitter source in [0, 1). */
  random: () => number;
}

export type RetryDecision =
  | { type: "retry"; delayMs: number }
  | { type: "give-up"; retryAfterExceededMs?: number };

/** After a 429/503/504: again after Retry-After or backoff, unless out of retries or asked to wait too long. */
export function afterRetryableAnswer(
  headers: Headers,
  retriesUsed: number,
  settings: RetrySettings,
): RetryDecision {
  const next = nextTry(parseRetryAfter(headers.get("retry-after"), settings.now()), retriesUsed, settings);
  if (next.retry) return { type: "retry", delayMs: next.delayMs };
  return next.retryAfterExceededMs === undefined
    ? { type: "give-up" }
    : { type: "give-up", retryAfterExceededMs: next.retryAfterExceededMs };
}

/**
 * After a timeout or a failure on the wire: a GET is sent again after a backoff; a POST never is (a retried delete
 * that had arrived would come back as a confusing 404, a retried $batch would run its members twice).
 */
export function afterLostAttempt(
  idempotent: boolean,
  retriesUsed: number,
  settings: RetrySettings,
): RetryDecision {
  if (!idempotent || retriesUsed >= settings.maxRetries) return { type: "give-up" };
  return { type: "retry", delayMs: backoffDelay(retriesUsed, settings.random) };
}

/** Waits `delayMs`; false when the call's signal or its stopRetries ended the wait (then nothing more is sent). */
export async function waitBeforeRetry(
  delayMs: number,
  signals: { signal: AbortSignal | undefined; stopRetries: AbortSignal | undefined },
  sleep: RetrySettings["sleep"],
): Promise<boolean> {
  return whileEither(signals.signal, signals.stopRetries, async (either) => {
    try {
      await raceAbort(sleep(delayMs, either), either);
      return !either?.aborted;
    } catch (error) {
      if (signals.signal?.aborted || error instanceof AbortedError) return false;
      throw error;
    }
  });
}

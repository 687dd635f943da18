/**
 * One logical Graph call, from token to final answer: the token step (token.ts), a place under the mailbox's limit
 * (gate.ts), one send (send.ts), a refresh and resend after a 401, and the retries after 429/503/504 (throttle.ts).
 * It reports what happened, not what it means: the operations (deleteItem.ts, readJson.ts, batchCall.ts) decide
 * that.
 */
import type { Gate } from "./gate";
import { type Attempt, type HttpRequest, type SendSettings, sendOnce } from "./send";
import { whileEither } from "./signals";
import {
  afterLostAttempt,
  afterRetryableAnswer,
  type RetryDecision,
  type RetrySettings,
  waitBeforeRetry,
} from "./throttle";
import { tokenFor } from "./token";
import type { TokenProvider } from "./types";

/** What a client holds for all its calls. */
export interface Transport extends SendSettings, RetrySettings {
  tokens: TokenProvider;
  /** The mailbox's shared limit on requests at once; without it, this client alone is unlimited. */
  gate?: Gate | undefined;
}

export interface ExchangeRequest extends HttpRequest {
  /** Aborts the call, a request in flight included. */
  signal?: AbortSignal | undefined;
  /** Forbids starting another send (a retry, a resend after a refresh) and ends a retry or token wait. */
  stopRetries?: AbortSignal | undefined;
  /** Places this request takes under the gate while it runs. @default 1 */
  slots?: number;
}

/** How the last attempt of a call that got no usable answer ended. */
export type LostCause =
  | { type: "network"; beforeSend: boolean }
  | { type: "timeout" }
  | { type: "aborted"; inFlight: boolean };

/** The end of one logical call, after refreshes and retries. `sends`: HTTP requests that reached fetch. */
export type Exchange =
  | {
      type: "response";
      status: number;
      headers: Headers;
      body: string | undefined;
      /** An earlier attempt (504, or a dropped GET) may have been carried out by the server. */
      uncertain: boolean;
      /** Set when Graph asked for a wait beyond maxRetryDelayMs. */
      retryAfterExceededMs?: number;
      sends: number;
    }
  | { type: "lost"; cause: LostCause; uncertain: boolean; sends: number };

export type AnsweredExchange = Extract<Exchange, { type: "response" }>;

const RETRYABLE = new Set([429, 503, 504]);

/** What the call has done so far. */
interface Progress {
  uncertain: boolean;
  sends: number;
  retriesUsed: number;
  refreshed: boolean;
}

/** After one attempt: done, refresh the token and send again, or wait and send again. */
type Step =
  | { type: "done"; exchange: Exchange }
  | { type: "refresh" }
  | Extract<RetryDecision, { type: "retry" }>;

export async function exchange(request: ExchangeRequest, transport: Transport): Promise<Exchange> {
  const { signal, stopRetries } = request;
  const progress: Progress = { uncertain: false, sends: 0, retriesUsed: 0, refreshed: false };
  const stopped = (inFlight = false): Exchange => lost(progress, { type: "aborted", inFlight });

  if (signal?.aborted) return stopped(); // before asking for a token: nothing at all happens
  const tokenStep = { forceRefresh: false, signal, stopRetries, mayHaveRun: false };
  let token = await tokenFor(transport.tokens, tokenStep);
  for (;;) {
    if (token === undefined) return stopped();
    // A retry or a resend after a refresh is new work: not after the caller said stop.
    if (progress.sends > 0 && stopRetries?.aborted) return stopped();
    const attempt = await sendWithinGate(request, token, transport, progress);
    if (attempt === undefined) return stopped();
    const step = nextStep(attempt, request, transport, progress);
    switch (step.type) {
      case "done":
        return step.exchange;
      case "refresh":
        token = await tokenFor(transport.tokens, {
          ...tokenStep,
          forceRefresh: true,
          mayHaveRun: progress.uncertain,
        });
        break;
      case "retry":
        progress.retriesUsed += 1;
        if (!(await waitBeforeRetry(step.delayMs, { signal, stopRetries }, transport.sleep)))
          return stopped();
        break;
    }
  }
}

/**
 * Waits for room under the mailbox's limit (nothing is sent while waiting), then sends once. Undefined: a cancel
 * came first, and this send never happens.
 */
async function sendWithinGate(
  request: ExchangeRequest,
  token: string,
  transport: Transport,
  progress: Progress,
): Promise<Attempt | undefined> {
  const { signal, stopRetries } = request;
  const { gate } = transport;
  let release: (() => void) | undefined;
  if (gate !== undefined) {
    try {
      release = await whileEither(signal, stopRetries, (room) => gate.acquire(request.slots ?? 1, room));
    } catch {
      return undefined;
    }
    if (stopRetries?.aborted || signal?.aborted) {
      release();
      return undefined;
    }
  }
  progress.sends += 1;
  try {
    return await sendOnce(request, { token, signal }, transport);
  } finally {
    release?.();
  }
}

function nextStep(
  attempt: Attempt,
  request: ExchangeRequest,
  transport: Transport,
  progress: Progress,
): Step {
  switch (attempt.type) {
    case "aborted":
      return done(lost(progress, { type: "aborted", inFlight: true }));
    case "timeout":
    case "network": {
      const decision = afterLostAttempt(request.method === "GET", progress.retriesUsed, transport);
      if (decision.type === "retry") return decision;
      const cause: LostCause =
        attempt.type === "timeout"
          ? { type: "timeout" }
          : { type: "network", beforeSend: attempt.beforeSend };
      return done(lost(progress, cause));
    }
    case "response":
      break;
  }
  const { status, headers, body } = attempt;
  if (status === 401 && !progress.refreshed) {
    progress.refreshed = true;
    return { type: "refresh" };
  }
  const answered: AnsweredExchange = { type: "response", status, headers, body, uncertain: false, sends: 0 };
  if (RETRYABLE.has(status)) {
    if (status === 504) progress.uncertain = true; // the gateway gave up; Exchange may still have done it
    const decision = afterRetryableAnswer(headers, progress.retriesUsed, transport);
    if (decision.type === "retry") return decision;
    if (decision.retryAfterExceededMs !== undefined)
      answered.retryAfterExceededMs = decision.retryAfterExceededMs;
  }
  return done({ ...answered, uncertain: progress.uncertain, sends: progress.sends });
}

function done(exchange: Exchange): Step {
  return { type: "done", exchange };
}

function lost(progress: Progress, cause: LostCause): Exchange {
  return { type: "lost", cause, uncertain: progress.uncertain, sends: progress.sends };
}

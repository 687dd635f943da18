/**
 * One fetch-based Microsoft Graph client for the task pane and the function-command runtime.
 * Delegated token from the auth module (TokenProvider); `Authorization: Bearer`; 204 handled without
 * reading a body; 401 refreshed once; 429/503/504 retried after Retry-After or jittered backoff, bounded;
 * every failure mapped to a GraphProblem with a sentence a person can act on. Logs nothing.
 */
import { AuthError } from "../auth/errors";
import {
  type BatchFailure,
  type BatchRequest,
  type BatchResult,
  parseBatchAnswer,
  serializeBatch,
  validateBatchRequests,
} from "./batch";
import { GraphError, type GraphErrorDetails, readErrorDetails, withDetails } from "./errors";
import { batchSlots, type Gate } from "./gate";
import { outcomeFromResponse, problemForStatus } from "./outcome";
import { itemPath } from "./paths";
import { AbortedError, backoffDelay, defaultSleep, parseRetryAfter, raceAbort } from "./retry";
import type { DeleteOutcome, GraphProblem, ItemRef, TokenProvider } from "./types";
import type { Subject } from "./wording";
import * as say from "./wording";

export type { BatchFailure, BatchMemberResult, BatchRequest, BatchResult } from "./batch";
export { GraphError } from "./errors";
export { itemPath } from "./paths";
export { parseRetryAfter } from "./retry";

export interface GraphClientOptions {
  /** @default "https://graph.microsoft.com" (trailing slashes are ignored) */
  baseUrl?: string;
  tokens: TokenProvider;
  /** @default globalThis.fetch, looked up per request (so test interceptors installed later still apply) */
  fetch?: typeof fetch;
  /** Per attempt, including reading the answer. @default 30_000 */
  timeoutMs?: number;
  /** Retries of 429/503/504 (and of network errors and timeouts for GETs only). @default 3 */
  maxRetries?: number;
  /** A Retry-After beyond this is not waited for: the call fails "throttled" with retryAfterMs. @default 60_000 */
  maxRetryDelayMs?: number;
  /** Must settle early (or never) when the signal aborts; the client also stops waiting by itself. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for HTTP-date Retry-After. @default Date.now */
  now?: () => number;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Shared by every client a page makes for one mailbox: the 4-at-once limit across them (gate.ts). Without it,
   * this client alone is unlimited (its callers pace themselves, as the scheduler does).
   */
  gate?: Gate;
}

/**
 * `signal` aborts the call, a request in flight included. `stopRetries` only forbids starting another send
 * (a retry after 429/503/504, a resend after a token refresh) and ends a retry wait or a token wait (a sign-in
 * window): a request already on its way finishes and is reported. A bulk run's cancel uses it ("nothing new is
 * sent").
 */
export interface CallOptions {
  signal?: AbortSignal;
  stopRetries?: AbortSignal;
}

export interface GraphClient {
  /** POST {item}/permanentDelete. Never throws for HTTP or network outcomes; token errors propagate. */
  permanentDelete(item: ItemRef, options?: CallOptions): Promise<DeleteOutcome>;
  /** GET a path ("/v1.0/...") or a same-origin absolute URL (@odata.nextLink). Throws GraphError on failure. */
  getJson<T>(path: string, options?: { signal?: AbortSignal }): Promise<T>;
  /**
   * POST {base}/v1.0/$batch with at most 20 members (TypeError on more, on duplicate ids or bad dependsOn).
   * Same auth, refresh and top-level 429/503/504 retries as the other calls. Never throws for HTTP or network
   * outcomes; token errors propagate. See batch.ts for what the result means.
   */
  batch(requests: readonly BatchRequest[], options?: CallOptions): Promise<BatchResult>;
  readonly baseUrl: string;
}

const DEFAULT_BASE_URL = "https://graph.microsoft.com";
const RETRYABLE = new Set([429, 503, 504]);

// Node/undici causes that prove the connection was never made, so nothing reached Graph.
// Browsers give a bare TypeError and never match, which keeps the sentence conditional there.
const PRE_SEND_CAUSES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

type Attempt =
  | { type: "response"; status: number; headers: Headers; body: string | undefined }
  | { type: "aborted" }
  | { type: "timeout" }
  | { type: "network"; beforeSend: boolean };

/** The end of one logical call, after refreshes and retries. `sends`: HTTP requests that reached fetch. */
type Exchange =
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
  | {
      type: "problem";
      problem: GraphProblem;
      /** How the last attempt ended, for callers that word the problem per item ($batch). */
      cause:
        | { type: "network"; beforeSend: boolean }
        | { type: "timeout" }
        | { type: "aborted"; inFlight: boolean };
      uncertain: boolean;
      sends: number;
    };

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const baseOrigin = new URL(baseUrl).origin;
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = options.tokens;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 3));
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  async function getToken(forceRefresh: boolean, signal: AbortSignal | undefined): Promise<string> {
    const request = signal === undefined ? { forceRefresh } : { forceRefresh, signal };
    return raceAbort(tokens.getToken(request), signal);
  }

  async function sendOnce(
    method: "GET" | "POST",
    url: string,
    token: string,
    signal: AbortSignal | undefined,
    wantBody: (status: number) => boolean,
    payload: string | undefined,
  ): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    signal?.addEventListener("abort", forwardAbort, { once: true });
    try {
      if (signal?.aborted) return { type: "aborted" };
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        "client-request-id": newClientRequestId(),
      };
      // No body on permanentDelete (Graph: "Don't supply a request body"); $batch carries its JSON payload.
      // redirect "error": Graph does not redirect these calls, and following one could carry the request
      // somewhere we did not check.
      const init: RequestInit = { method, headers, signal: controller.signal, redirect: "error" };
      if (payload !== undefined) {
        headers["Content-Type"] = "application/json";
        init.body = payload;
      }
      const response = await raceAbort(fetchImpl(url, init), controller.signal);
      const { status } = response;
      let body: string | undefined;
      if (wantBody(status)) {
        try {
          body = await raceAbort(response.text(), controller.signal);
        } catch (error) {
          // A lost error body only costs details; a lost success body is a failed read.
          if (controller.signal.aborted || (status >= 200 && status < 300)) throw error;
          body = undefined;
        }
      } else {
        response.body?.cancel().catch(() => undefined);
      }
      return { type: "response", status, headers: response.headers, body };
    } catch (error) {
      if (signal?.aborted) return { type: "aborted" };
      if (timedOut) return { type: "timeout" };
      return { type: "network", beforeSend: provablyBeforeSend(error) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forwardAbort);
    }
  }

  async function exchange(
    method: "GET" | "POST",
    url: string,
    subject: Subject,
    signal: AbortSignal | undefined,
    wantBody: (status: number) => boolean,
    payload?: string,
    stopRetries?: AbortSignal,
    slots = 1,
  ): Promise<Exchange> {
    const idempotent = method === "GET";
    let uncertain = false;
    let sends = 0;
    const abortedProblem = (inFlight: boolean): Exchange => ({
      type: "problem",
      problem: { kind: "aborted", message: say.aborted(subject, inFlight || uncertain) },
      cause: { type: "aborted", inFlight },
      uncertain,
      sends,
    });

    if (signal?.aborted) return abortedProblem(false); // before asking for a token: nothing at all happens
    // A wait for a token (perhaps a sign-in window) ends on the call's signal and on stopRetries alike: nothing has
    // been sent for it yet, so a run's Cancel ends it (and the token service closes the window).
    const tokenWait = eitherSignal(signal, stopRetries);
    let token: string;
    try {
      token = await getToken(false, tokenWait.signal);
    } catch (error) {
      if (tokenWait.signal?.aborted) return abortedProblem(false);
      throw error; // typed auth errors: the caller shows "sign in" etc.
    } finally {
      tokenWait.done();
    }

    let refreshed = false;
    let retriesUsed = 0;
    const waitBeforeRetry = async (delayMs: number): Promise<boolean> => {
      retriesUsed += 1;
      const { signal: either, done } = eitherSignal(signal, stopRetries);
      try {
        await raceAbort(sleep(delayMs, either), either);
        return !either?.aborted;
      } catch (error) {
        if (signal?.aborted || error instanceof AbortedError) return false;
        throw error;
      } finally {
        done();
      }
    };

    for (;;) {
      // A retry or a resend after a refresh is new work: not after the caller said stop.
      if (sends > 0 && stopRetries?.aborted) return abortedProblem(false);
      // Wait for room under the mailbox's limit (nothing is sent while waiting); a cancel meanwhile means this
      // send never happens.
      let release: (() => void) | undefined;
      if (options.gate) {
        const room = eitherSignal(signal, stopRetries);
        try {
          release = await options.gate.acquire(slots, room.signal);
        } catch {
          return abortedProblem(false);
        } finally {
          room.done();
        }
        if (stopRetries?.aborted || signal?.aborted) {
          release();
          return abortedProblem(false);
        }
      }
      sends += 1;
      let attempt: Attempt;
      try {
        attempt = await sendOnce(method, url, token, signal, wantBody, payload);
      } finally {
        release?.();
      }
      switch (attempt.type) {
        case "aborted":
          return abortedProblem(true);
        case "timeout":
        case "network": {
          // Never retried for the POST: a retry after a delete that did arrive would come back as a confusing 404.
          if (idempotent && retriesUsed < maxRetries) {
            if (!(await waitBeforeRetry(backoffDelay(retriesUsed, random)))) return abortedProblem(false);
            continue;
          }
          const message =
            attempt.type === "timeout"
              ? say.timeout(subject, timeoutMs)
              : say.network(subject, attempt.beforeSend, uncertain);
          return {
            type: "problem",
            problem: { kind: attempt.type, message },
            cause:
              attempt.type === "timeout"
                ? { type: "timeout" }
                : { type: "network", beforeSend: attempt.beforeSend },
            uncertain,
            sends,
          };
        }
        case "response":
          break;
      }

      const { status, headers, body } = attempt;
      if (status === 401 && !refreshed) {
        refreshed = true;
        const refreshWait = eitherSignal(signal, stopRetries);
        try {
          token = await getToken(true, refreshWait.signal);
        } catch (error) {
          if (refreshWait.signal?.aborted) return abortedProblem(false);
          // An earlier send (a 504) may have done the work: the caller must not read this as "nothing was sent".
          if (uncertain && error instanceof AuthError) {
            throw new AuthError(error.kind, error.message, error.details, true);
          }
          throw error;
        } finally {
          refreshWait.done();
        }
        continue;
      }

      if (RETRYABLE.has(status)) {
        if (status === 504) uncertain = true; // the gateway gave up; Exchange may still have done it
        const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now());
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryDelayMs) {
          return {
            type: "response",
            status,
            headers,
            body,
            uncertain,
            retryAfterExceededMs: retryAfterMs,
            sends,
          };
        }
        if (retriesUsed < maxRetries) {
          // A readable, positive Retry-After is obeyed exactly; otherwise jittered backoff, never at once.
          const delay =
            retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : backoffDelay(retriesUsed, random);
          if (!(await waitBeforeRetry(delay))) return abortedProblem(false);
          continue;
        }
      }
      return { type: "response", status, headers, body, uncertain, sends };
    }
  }

  /** Problem for a non-success answer, shared by all operations; 404 and 2xx are decided by the caller. */
  function problemFor(
    subject: Subject,
    result: Extract<Exchange, { type: "response" }>,
    details: GraphErrorDetails,
  ): GraphProblem {
    const context =
      result.retryAfterExceededMs === undefined
        ? { uncertain: result.uncertain }
        : { uncertain: result.uncertain, retryAfterExceededMs: result.retryAfterExceededMs };
    return problemForStatus(subject, result.status, details, context);
  }

  async function permanentDelete(item: ItemRef, opts?: CallOptions): Promise<DeleteOutcome> {
    const subject: Subject = { op: "delete", item };
    let path: string;
    try {
      path = itemPath(item);
    } catch {
      return {
        status: "failed",
        problem: { kind: "bad-request", message: say.missingId(item.kind) },
      };
    }
    const url = checkedUrl(`${baseUrl}${path}/permanentDelete`);
    // Bodies are read only for failures: a 204 has none, and any other 2xx is not trusted anyway.
    let result: Exchange;
    try {
      result = await exchange(
        "POST",
        url,
        subject,
        opts?.signal,
        (status) => status >= 300,
        undefined,
        opts?.stopRetries,
      );
    } catch (error) {
      // The sign-in failed after a send that may have deleted the item (a 504 before the 401): an outcome that
      // says so, not a sign-in error that would read as "nothing was sent".
      if (error instanceof AuthError && error.mayHaveRun) {
        return {
          status: "failed",
          problem: { kind: "unauthorized", message: say.maybeDeletedThenStopped(item.kind, error.message) },
        };
      }
      throw error;
    }
    if (result.type === "problem") return { status: "failed", problem: result.problem };

    const context =
      result.retryAfterExceededMs === undefined
        ? { uncertain: result.uncertain }
        : { uncertain: result.uncertain, retryAfterExceededMs: result.retryAfterExceededMs };
    return outcomeFromResponse(result.status, result.headers, result.body, item, context);
  }

  async function getJson<T>(path: string, opts?: { signal?: AbortSignal }): Promise<T> {
    const subject: Subject = { op: "read" };
    const url = resolveReadUrl(path);
    const result = await exchange("GET", url, subject, opts?.signal, (status) => status !== 204);
    if (result.type === "problem") throw new GraphError(result.problem);
    const { status } = result;
    if (status === 204) return undefined as T;
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(result.body ?? "") as T;
      } catch {
        throw new GraphError(
          withDetails(
            { kind: "unexpected", message: say.unexpectedSuccess(subject, status), status },
            readErrorDetails(undefined, result.headers),
          ),
        );
      }
    }
    const details = readErrorDetails(result.body, result.headers);
    if (status === 404) {
      throw new GraphError(
        withDetails({ kind: "bad-request", message: say.notFoundRead(details.code), status }, details),
      );
    }
    throw new GraphError(problemFor(subject, result, details));
  }

  async function batch(requests: readonly BatchRequest[], opts?: CallOptions): Promise<BatchResult> {
    validateBatchRequests(requests);
    const payload = serializeBatch(requests);
    const ids = requests.map((r) => r.id);
    const url = checkedUrl(`${baseUrl}/v1.0/$batch`);
    // The subject only words top-level problems of the call itself; members are worded per item below.
    const result = await exchange(
      "POST",
      url,
      { op: "read" },
      opts?.signal,
      () => true,
      payload,
      opts?.stopRetries,
      batchSlots(requests),
    );

    if (result.type === "problem") {
      const { cause, uncertain, sends } = result;
      const nothingRan =
        !uncertain &&
        ((cause.type === "network" && cause.beforeSend) || (cause.type === "aborted" && !cause.inFlight));
      const failure: BatchFailure = {
        kind: result.problem.kind,
        nothingRan,
        problemFor(item) {
          const subject: Subject = { op: "delete", item };
          switch (cause.type) {
            case "network":
              return { kind: "network", message: say.network(subject, cause.beforeSend, uncertain) };
            case "timeout":
              return { kind: "timeout", message: say.timeout(subject, timeoutMs) };
            case "aborted":
              return { kind: "aborted", message: say.aborted(subject, cause.inFlight || uncertain) };
          }
        },
      };
      return { ok: false, failure, sends };
    }

    const { status, headers, body, uncertain, sends } = result;
    // The outer 2xx only says the batch was read; each member carries its own status.
    if (status >= 200 && status < 300) {
      return { ok: true, responses: parseBatchAnswer(body, ids), uncertain, sends };
    }
    const details = readErrorDetails(body, headers);
    const context =
      result.retryAfterExceededMs === undefined
        ? { uncertain }
        : { uncertain, retryAfterExceededMs: result.retryAfterExceededMs };
    const retryAfterMs = result.retryAfterExceededMs ?? parseRetryAfter(headers.get("retry-after"), now());
    const failure: BatchFailure = {
      kind: problemForStatus({ op: "read" }, status, details, context).kind,
      status,
      // A refused batch (4xx, or 503 "try later") ran nothing; after a 5xx gateway or server error, who knows.
      nothingRan: !uncertain && ((status >= 400 && status < 500) || status === 503),
      problemFor: (item) => problemForStatus({ op: "delete", item }, status, details, context),
    };
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
    return { ok: false, failure, sends };
  }

  /** Relative paths go under baseUrl; absolute URLs (nextLink) only on baseUrl's origin, so the token stays home. */
  function resolveReadUrl(path: string): string {
    if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith("//")) {
      let url: URL;
      try {
        url = new URL(path, baseUrl);
      } catch {
        throw new GraphError({ kind: "unexpected", message: say.foreignLink() });
      }
      if (url.origin !== baseOrigin) throw new GraphError({ kind: "unexpected", message: say.foreignLink() });
      return url.href;
    }
    return checkedUrl(`${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`);
  }

  // Defence in depth: whatever was concatenated, the token only goes to baseUrl's origin.
  function checkedUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GraphError({ kind: "unexpected", message: say.foreignLink() });
    }
    if (parsed.origin !== baseOrigin)
      throw new GraphError({ kind: "unexpected", message: say.foreignLink() });
    return url;
  }

  return { permanentDelete, getJson, batch, baseUrl };
}

function normaliseBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, "");
  const url = new URL(trimmed); // throws on nonsense: a configuration error, found at start-up
  if (url.search !== "" || url.hash !== "")
    throw new TypeError("Graph baseUrl must not have a query or fragment.");
  return trimmed;
}

/**
 * A signal that aborts when either does (AbortSignal.any is too new for some Outlook webviews), for one wait;
 * `done()` when the wait is over takes its listeners off both, so a run's signal, which lives for the whole run,
 * doesn't collect one per request.
 */
export function eitherSignal(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): { signal: AbortSignal | undefined; done: () => void } {
  const nothing = () => undefined;
  if (a === undefined || b === undefined) return { signal: a ?? b, done: nothing };
  if (a.aborted || b.aborted) return { signal: AbortSignal.abort(), done: nothing };
  const controller = new AbortController();
  const abort = () => controller.abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      a.removeEventListener("abort", abort);
      b.removeEventListener("abort", abort);
    },
  };
}

function provablyBeforeSend(error: unknown): boolean {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause
      ? (cause as { code: unknown }).code
      : undefined;
  return typeof code === "string" && PRE_SEND_CAUSES.has(code);
}

function newClientRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  // randomUUID needs a secure context; the add-in runs on https, but keep a v4 fallback from getRandomValues.
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One fetch-based Microsoft Graph client for the task pane and the function-command runtime.
 * Delegated token from the auth module (TokenProvider); `Authorization: Bearer`; 204 handled without
 * reading a body; 401 refreshed once; 429/503/504 retried after Retry-After or jittered backoff, bounded;
 * every failure mapped to a typed GraphProblem (src/core/purge/graphReports.ts words it for the person). Logs
 * nothing.
 *
 * The pieces: exchange.ts (one call: token.ts, gate.ts, send.ts, throttle.ts), and one module per operation
 * (deleteItem.ts, readJson.ts, batchCall.ts) that says what the answer means; urls.ts keeps the token on
 * baseUrl's origin.
 */
import type { BatchRequest, BatchResult } from "./batch";
import { sendBatch } from "./batchCall";
import { deleteItem } from "./deleteItem";
import type { Transport } from "./exchange";
import type { Gate } from "./gate";
import { readJson } from "./readJson";
import { defaultSleep } from "./retry";
import type { DeleteOutcome, ItemRef, TokenProvider } from "./types";
import { graphUrls } from "./urls";

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

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const urls = graphUrls(options.baseUrl ?? DEFAULT_BASE_URL);
  const transport: Transport = {
    tokens: options.tokens,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 3)),
    maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    gate: options.gate,
  };
  const client = { transport, urls };
  return {
    permanentDelete: (item, call = {}) => deleteItem(item, call, client),
    getJson: (path, call = {}) => readJson(path, call, client),
    batch: (requests, call = {}) => sendBatch(requests, call, client),
    baseUrl: urls.baseUrl,
  };
}

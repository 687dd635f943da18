/**
 * One HTTP request to Graph and how it ended: an answer (status, headers, the body when wanted), or aborted,
 * timed out, or failed on the wire (and whether that provably happened before anything was sent).
 */
import { raceAbort } from "./retry";

export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  /** Whether to read the body of an answer with this status (bodies are read only when they matter). */
  wantBody: (status: number) => boolean;
  /** JSON to send ($batch); permanentDelete sends none. */
  payload?: string | undefined;
}

export interface SendSettings {
  fetch: typeof fetch;
  /** Per attempt, including reading the answer. */
  timeoutMs: number;
}

export type Attempt =
  | { type: "response"; status: number; headers: Headers; body: string | undefined }
  | { type: "aborted" }
  | { type: "timeout" }
  | { type: "network"; beforeSend: boolean };

// Node/undici causes that prove the connection was never made, so nothing reached Graph.
// Browsers give a bare TypeError and never match, which keeps the outcome conditional there.
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

/** Sends once with `token`; `signal` (the caller's) aborts it, and so does the timeout. Never throws. */
export async function sendOnce(
  request: HttpRequest,
  auth: { token: string; signal: AbortSignal | undefined },
  settings: SendSettings,
): Promise<Attempt> {
  const { signal } = auth;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const forwardAbort = () => controller.abort();
  signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    if (signal?.aborted) return { type: "aborted" };
    const init = requestInit(request, auth.token, controller.signal);
    const response = await raceAbort(settings.fetch(request.url, init), controller.signal);
    const body = await readBody(response, request.wantBody, controller.signal);
    return { type: "response", status: response.status, headers: response.headers, body };
  } catch (error) {
    if (signal?.aborted) return { type: "aborted" };
    if (timedOut) return { type: "timeout" };
    return { type: "network", beforeSend: provablyBeforeSend(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}

function requestInit(request: HttpRequest, token: string, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
    "client-request-id": newClientRequestId(),
  };
  // No body on permanentDelete (Graph: "Don't supply a request body"); $batch carries its JSON payload.
  // redirect "error": Graph does not redirect these calls, and following one could carry the request
  // somewhere we did not check.
  const init: RequestInit = { method: request.method, headers, signal, redirect: "error" };
  if (request.payload !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = request.payload;
  }
  return init;
}

async function readBody(
  response: Response,
  wantBody: (status: number) => boolean,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { status } = response;
  if (!wantBody(status)) {
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  try {
    return await raceAbort(response.text(), signal);
  } catch (error) {
    // A lost error body only costs details; a lost success body is a failed read.
    if (signal.aborted || (status >= 200 && status < 300)) throw error;
    return undefined;
  }
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

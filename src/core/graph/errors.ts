import type { GraphProblem } from "./types";

/**
 * Thrown by getJson (and for a foreign nextLink); carries the typed problem. Its message is for developers (logs,
 * test output); the person reads the sentence src/core/purge/graphWording.ts makes from the problem.
 */
export class GraphError extends Error {
  readonly problem: GraphProblem;
  constructor(problem: GraphProblem) {
    const facts = [problem.status === undefined ? undefined : `HTTP ${problem.status}`, problem.code];
    const said = facts.filter((f) => f !== undefined).join(", ");
    super(`Microsoft Graph: ${problem.kind}${said === "" ? "" : ` (${said})`}`);
    this.name = "GraphError";
    this.problem = problem;
  }
}

/** What could be read from a Graph error answer. Every field optional: bodies may be empty, HTML, or truncated. */
export interface GraphErrorDetails {
  code?: string;
  graphMessage?: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
}

// Graph messages are for support screens; keep them bounded (a proxy may send a whole HTML page).
const MAX_GRAPH_MESSAGE = 500;

function stringField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Reads `{ error: { code, message, innerError: { "request-id", "client-request-id", date } } }` defensively
 * (innerError is also spelled innererror in older answers), then fills gaps from the response headers.
 */
export function readErrorDetails(body: string | undefined, headers: Headers): GraphErrorDetails {
  const details: GraphErrorDetails = {};
  let parsed: unknown;
  if (body !== undefined && body.trim() !== "") {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined; // HTML from a proxy, or plain text: no Graph details
    }
  }
  const error = asRecord(asRecord(parsed)?.error);
  if (error !== undefined) {
    const code = stringField(error, "code");
    if (code !== undefined) details.code = code;
    const message = stringField(error, "message");
    if (message !== undefined) details.graphMessage = message.slice(0, MAX_GRAPH_MESSAGE);
    const inner = asRecord(error.innerError) ?? asRecord(error.innererror);
    if (inner !== undefined) {
      const requestId = stringField(inner, "request-id", "requestId");
      if (requestId !== undefined) details.requestId = requestId;
      const clientRequestId = stringField(inner, "client-request-id", "clientRequestId");
      if (clientRequestId !== undefined) details.clientRequestId = clientRequestId;
      const date = stringField(inner, "date");
      if (date !== undefined) details.date = date;
    }
  }
  // Headers win for ids (they are what Graph's support looks up); under CORS they may be unreadable.
  const headerRequestId = headers.get("request-id");
  if (headerRequestId) details.requestId = headerRequestId;
  const headerClientRequestId = headers.get("client-request-id");
  if (headerClientRequestId) details.clientRequestId = headerClientRequestId;
  if (details.date === undefined) {
    const headerDate = headers.get("date");
    if (headerDate) details.date = headerDate;
  }
  return details;
}

/** Copies the details that are present onto a problem (exactOptionalPropertyTypes: no undefined-valued keys). */
export function withDetails<P extends GraphProblem>(problem: P, details: GraphErrorDetails): P {
  const result: P = { ...problem };
  if (details.code !== undefined) result.code = details.code;
  if (details.graphMessage !== undefined) result.graphMessage = details.graphMessage;
  if (details.requestId !== undefined) result.requestId = details.requestId;
  if (details.clientRequestId !== undefined) result.clientRequestId = details.clientRequestId;
  if (details.date !== undefined) result.date = details.date;
  return result;
}

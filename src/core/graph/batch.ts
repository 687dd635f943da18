/**
 * Microsoft Graph JSON batching (`POST /v1.0/$batch`): request checks, the payload, and a defensive reading of
 * the answer. Graph's rules: at most 20 members, unique ids, `dependsOn` naming members of the same batch,
 * relative URLs without the version; answers come in any order and the outer 200 says nothing about members.
 * Body-less POST actions inside a batch get `Content-Type` and a `{}` body: Graph refuses a body-less write member,
 * reportedly the whole batch, with "Write request id : N does not contain Content-Type header or body."
 * (msgraph-sdk-dotnet#2628; reported for send, applied here as the stricter reading: docs/platform-facts.md#batch-rules).
 *
 * Trust rule for the answer: a member counts as answered only when exactly one well-formed entry carries its
 * id. A missing or repeated member is an unknown outcome; so is every member when the answer is unreadable or
 * names an id we never sent (then its ids cannot be trusted to say which member a 204 belongs to).
 */
import { itemPath } from "./paths";
import type { GraphProblem, ItemRef } from "./types";

export const MAX_BATCH_REQUESTS = 20;

export type BatchMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface BatchRequest {
  id: string;
  method: BatchMethod;
  /** Relative to the version: "/me/messages/{encoded id}/permanentDelete". */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  dependsOn?: readonly string[];
}

export interface BatchMemberResponse {
  kind: "answered";
  id: string;
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchUnknownOutcome {
  kind: "unknown";
  id: string;
  /** Why the answer can't be trusted for this member. */
  reason: "missing" | "repeated" | "malformed" | "unreadable-answer" | "foreign-id";
}

export type BatchMemberResult = BatchMemberResponse | BatchUnknownOutcome;

/** The batch request itself failed (after the client's own refresh and retries). */
export interface BatchFailure {
  /** Top-level HTTP status, when there was an answer. */
  status?: number;
  /** A readable top-level Retry-After (ms), when Graph sent one (under CORS it may not be readable). */
  retryAfterMs?: number;
  /**
   * True when no member can have run: Graph refused the whole batch before processing (400, 401, 403, 429,
   * 503) or no connection was ever made. False after a 504, a dropped connection or a timeout.
   */
  nothingRan: boolean;
  /** What went wrong, the same for every member (src/core/purge/graphWording.ts words it per item). */
  problem: GraphProblem;
}

export type BatchResult =
  | {
      ok: true;
      /** One entry per member sent, keyed by member id. */
      responses: Map<string, BatchMemberResult>;
      /** An earlier attempt of this batch (a top-level 504) may have run members. */
      uncertain: boolean;
      /** HTTP requests made (the client's top-level retries included), for request budgets. */
      sends: number;
    }
  | { ok: false; failure: BatchFailure; sends: number };

const WRITE_METHODS = new Set<BatchMethod>(["POST", "PATCH", "PUT"]);

/** The `$batch` member for one permanentDelete, as Graph needs it (Content-Type and `{}`: docs/platform-facts.md#batch-rules). */
export function permanentDeleteMember(
  id: string,
  item: ItemRef,
  dependsOn?: readonly string[],
): BatchRequest {
  const member: BatchRequest = {
    id,
    method: "POST",
    url: `${itemPath(item).replace(/^\/v1\.0/, "")}/permanentDelete`,
    headers: { "Content-Type": "application/json" },
    body: {},
  };
  if (dependsOn !== undefined && dependsOn.length > 0) member.dependsOn = [...dependsOn];
  return member;
}

/** Throws TypeError for a batch Graph would refuse as a whole: a programming error, found before sending. */
export function validateBatchRequests(requests: readonly BatchRequest[]): void {
  if (requests.length === 0) throw new TypeError("A Graph $batch needs at least one request.");
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new TypeError(
      `A Graph $batch takes at most ${MAX_BATCH_REQUESTS} requests (got ${requests.length}).`,
    );
  }
  const ids = new Set<string>();
  for (const r of requests) {
    if (typeof r.id !== "string" || r.id === "") throw new TypeError("Every $batch request needs an id.");
    if (ids.has(r.id)) throw new TypeError(`Duplicate $batch request id "${r.id}".`);
    ids.add(r.id);
    // Relative only: an absolute URL in a member would be refused by Graph, and must never carry our token away.
    if (typeof r.url !== "string" || !r.url.startsWith("/") || r.url.startsWith("//")) {
      throw new TypeError(`$batch request "${r.id}" needs a relative URL starting with "/".`);
    }
    if (/^\/v1\.0\//i.test(r.url) || /^\/beta\//i.test(r.url)) {
      throw new TypeError(`$batch request "${r.id}" must not repeat the version in its URL.`);
    }
  }
  // A dependsOn must name an earlier request (msgraph-sdk-dotnet-core#891: "Invalid dependency for request Id").
  const earlier = new Set<string>();
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!earlier.has(d)) {
        throw new TypeError(
          `$batch request "${r.id}" depends on "${d}", which is not an earlier request in it.`,
        );
      }
    }
    earlier.add(r.id);
  }
  if (batchShape(requests) === undefined) {
    throw new TypeError(
      "A Graph $batch must be fully parallel or fully sequential (Graph refuses any other shape).",
    );
  }
}

/**
 * Which of the two shapes Graph runs these requests form: "parallel" (no dependsOn at all; Graph runs the members
 * at once, each taking one of Outlook's 4 slots) or "sequential" (each request after the first depends on exactly
 * the one before; one member runs at a time). Anything else Graph refuses whole with 400 "Batch should be either
 * fully sequential or fully parallel" (microsoft-graph-docs#16280). A single request is parallel.
 */
export function batchShape(
  requests: readonly Pick<BatchRequest, "id" | "dependsOn">[],
): "parallel" | "sequential" | undefined {
  if (requests.every((r) => (r.dependsOn?.length ?? 0) === 0)) return "parallel";
  const sequential = requests.every((r, i) => {
    const deps = r.dependsOn ?? [];
    return i === 0 ? deps.length === 0 : deps.length === 1 && deps[0] === requests[i - 1]?.id;
  });
  return sequential ? "sequential" : undefined;
}

/**
 * One fully sequential `$batch` of permanentDeletes, in the order given: member ids "1".."n", each after the first
 * depending on the one before. Exchange runs it one member at a time (one concurrency slot), and a member that
 * fails makes every later one answer 424 without running.
 */
export function sequentialDeleteBatch(items: readonly ItemRef[]): BatchRequest[] {
  return items.map((item, i) =>
    permanentDeleteMember(String(i + 1), item, i === 0 ? undefined : [String(i)]),
  );
}

/** The JSON payload; write members without a body get `{}` and a JSON Content-Type (docs/platform-facts.md#batch-rules). */
export function serializeBatch(requests: readonly BatchRequest[]): string {
  return JSON.stringify({
    requests: requests.map((r) => {
      const member: Record<string, unknown> = { id: r.id, method: r.method, url: r.url };
      let headers: Record<string, string> | undefined =
        r.headers === undefined ? undefined : { ...r.headers };
      let body = r.body;
      if (WRITE_METHODS.has(r.method)) {
        if (body === undefined) body = {};
        const hasContentType = Object.keys(headers ?? {}).some((h) => h.toLowerCase() === "content-type");
        if (!hasContentType) headers = { ...headers, "Content-Type": "application/json" };
      }
      if (headers !== undefined) member.headers = headers;
      if (body !== undefined) member.body = body;
      if (r.dependsOn !== undefined && r.dependsOn.length > 0) member.dependsOn = [...r.dependsOn];
      return member;
    }),
  });
}

function allUnknown(ids: readonly string[], reason: BatchUnknownOutcome["reason"]) {
  return new Map<string, BatchMemberResult>(ids.map((id) => [id, { kind: "unknown", id, reason }]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a `$batch` answer body into one result per sent id (see the trust rule in the header).
 * `text` undefined or not JSON of the shape `{responses: [...]}` makes every member unknown.
 */
export function parseBatchAnswer(
  text: string | undefined,
  sentIds: readonly string[],
): Map<string, BatchMemberResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "");
  } catch {
    return allUnknown(sentIds, "unreadable-answer");
  }
  const responses = isRecord(parsed) ? parsed.responses : undefined;
  if (!Array.isArray(responses)) return allUnknown(sentIds, "unreadable-answer");

  const sent = new Set(sentIds);
  const seen = new Map<string, unknown[]>();
  for (const entry of responses) {
    const id = isRecord(entry) ? entry.id : undefined;
    // An entry we can't attribute (no id, or an id we never sent) means the answer's ids can't be trusted.
    if (typeof id !== "string" || !sent.has(id)) return allUnknown(sentIds, "foreign-id");
    const list = seen.get(id) ?? [];
    list.push(entry);
    seen.set(id, list);
  }

  const result = new Map<string, BatchMemberResult>();
  for (const id of sentIds) {
    const entries = seen.get(id);
    if (entries === undefined || entries.length === 0) {
      result.set(id, { kind: "unknown", id, reason: "missing" });
      continue;
    }
    if (entries.length > 1) {
      result.set(id, { kind: "unknown", id, reason: "repeated" });
      continue;
    }
    result.set(id, readMember(id, entries[0]));
  }
  return result;
}

function readMember(id: string, entry: unknown): BatchMemberResult {
  if (!isRecord(entry)) return { kind: "unknown", id, reason: "malformed" };
  const { status } = entry;
  if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
    return { kind: "unknown", id, reason: "malformed" };
  }
  const headers: Record<string, string> = {};
  if (entry.headers !== undefined && entry.headers !== null) {
    if (!isRecord(entry.headers)) return { kind: "unknown", id, reason: "malformed" };
    for (const [name, value] of Object.entries(entry.headers)) {
      if (typeof value === "string") headers[name.toLowerCase()] = value;
      else if (typeof value === "number" && Number.isFinite(value))
        headers[name.toLowerCase()] = String(value);
    }
  }
  return { kind: "answered", id, status, headers, body: entry.body };
}

/**
 * The bulk purge scheduler: deletes hundreds or thousands of items as fast as Exchange allows without ever
 * causing our own throttling. Outlook's limits (Graph throttling docs; PITFALLS rows 46–49): at most 4
 * requests in flight per mailbox, a `$batch` counting each member, and 10,000 requests per 10 minutes per app
 * per mailbox.
 *
 * Shape, per mailbox: ONE `$batch` in flight at a time, up to 20 members arranged as 4 `dependsOn` chains of
 * 5 (member i depends on member i-4). Exchange runs a chain one member after another, so exactly 4 members run
 * at once whatever Graph does with the rest of a batch (field reports: members beyond 4 get 429
 * MailboxConcurrency). For N items and server time t per request the lower bound is ceil(N/4)·t; this shape
 * needs ceil(N/20) round trips, each full batch taking 5t, so wall ≈ ceil(N/4)·t + ceil(N/20)·rtt, and
 * every batch but the last is a multiple of 4, which keeps the chains level (no batch ends on one long chain).
 * The alternatives measured against the bound:
 *   - 4 members per batch, no dependsOn: one round trip per 4 items, wall ≈ ceil(N/4)·(t + rtt): 5× the
 *     overhead and 5× the HTTP requests.
 *   - several small batches (or 4 single chains) in flight at once: the same server time, but whether Graph
 *     counts the batch requests themselves against the 4 is undocumented, and parallel batches per mailbox
 *     are exactly what the field reports of MailboxConcurrency 429s describe (row 46). Not worth the risk for
 *     a gain of at most one round trip per batch.
 * The cost of chains: a failed member makes the rest of its chain answer 424. Those members never ran; they go
 * back in the queue (not an attempt; bounded separately), ahead of newer items, so they become chain heads.
 * Items likely to fail (already tried, maybe done: a retry will probably 404) are placed at chain ends.
 *
 * Per member: outcomes map exactly like a single delete (graph/outcome.ts). 429/503/504 and unreadable answers
 * are retried after the member's own Retry-After (member headers are JSON, always readable) or jittered
 * backoff, at most `maxAttempts` sends per item; a waiting item never holds up the others. Only a 204 is
 * purged. A batch POST that failed on the wire is not resent (its members may have run): each member is
 * reported "may or may not have been deleted". A top-level 429/503 ran nothing: the members wait and go again.
 *
 * Budget: a sliding window per mailbox of member requests sent; a request counts from when it is sent until
 * `windowMs` after its answer arrived (Exchange charges it somewhere in between), so no window Exchange can
 * draw holds more than `budget.requests`. Before sending, if the batch would not fit, a smaller batch that
 * does fit goes (whole chains), or the scheduler waits until one fits. Pass one `RequestLedger` to every run
 * (cancel, then continue) so a later run counts the earlier one's requests.
 *
 * Items with the same id are purged once. A mailbox with a single item gets one plain permanentDelete (no
 * batch). Mailboxes are keyed by how they are addressed: "/me" and "/users/{self}" count as two.
 */
import { AuthError } from "../auth/errors";
import { type BatchMemberResult, type BatchResult, permanentDeleteMember } from "../graph/batch";
import type { GraphClient } from "../graph/client";
import {
  cancelledBeforeItem,
  dependencyMessage,
  outcomeFromResponse,
  unknownOutcomeMessage,
} from "../graph/outcome";
import { itemPath } from "../graph/paths";
import { backoffDelay, parseRetryAfter } from "../graph/retry";
import type { DeleteOutcome, ItemRef, MailboxRef } from "../graph/types";
import * as say from "../graph/wording";
import { realClock, type SchedulerClock } from "./clock";
import type { ItemOutcome } from "./types";

export type { SchedulerClock } from "./clock";
export type { ItemOutcome } from "./types";

export interface PurgeProgress {
  total: number;
  purged: number;
  alreadyGone: number;
  failed: number;
  /** Never sent because the run stopped (cancelled, sign-in failed). */
  notAttempted: number;
  left: number;
  /** estimate of ms left, from the observed rate; undefined until known */
  etaMs: number | undefined;
}

export interface ScheduleOptions {
  client: Pick<GraphClient, "permanentDelete" | "batch">;
  /** @default real time */
  clock?: SchedulerClock;
  /** Cancel: no new work starts; in-flight work finishes and is reported. */
  signal?: AbortSignal;
  onProgress?(progress: PurgeProgress): void;
  /** As each item settles. */
  onItem?(id: string, outcome: ItemOutcome): void;
  /** @default 4 */
  maxConcurrentPerMailbox?: number;
  /** Members per `$batch`, at most 20. @default 20 */
  batchSize?: number;
  /** Paced to stay within it. @default { requests: 10_000, windowMs: 600_000 } */
  budget?: { requests: number; windowMs: number };
  /** Sends per item for 429/503/504/unknown outcomes (and top-level 429/503). @default 6 */
  maxAttempts?: number;
  /** A Retry-After beyond this is not waited for: the item fails "throttled" with retryAfterMs. @default 60_000 */
  maxRetryDelayMs?: number;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Requests already sent per mailbox, kept across runs (cancel, then continue with the rest) so a second run
   * counts the first one's requests against the same budget. Use one per clock. @default a fresh one per run
   */
  ledger?: RequestLedger;
}

/**
 * Opaque record of recent requests per mailbox; create once (e.g. per task pane) and pass to every run. Runs
 * sharing a ledger must not overlap (the workflow's busy guard ensures that): each assumes its batch is the
 * only one in flight for its mailboxes.
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

const DEFAULT_BUDGET = { requests: 10_000, windowMs: 600_000 };
const MAX_BATCH = 20;
// A 424 member never ran, so it costs no attempt; this only guards against a server that 424s forever.
const MAX_DEPENDENCY_REQUEUES = 10;
const RETRYABLE = new Set([429, 503, 504]);

interface Entry {
  ref: ItemRef;
  /** Input position: older items go first, so re-queued ones become chain heads. */
  order: number;
  /** Sends answered with something other than 424. */
  attempts: number;
  dependencyRequeues: number;
  notBefore: number;
  /** An attempt may have deleted it without a 204 reaching us (504, unreadable answer). */
  uncertain: boolean;
  /** At least one request carrying it got an answer or failed on the wire. */
  sent: boolean;
}

interface Stop {
  message: string;
  error?: AuthError;
}

/** Member requests sent per mailbox: each counts from its send until windowMs after its answer. */
class SendWindow {
  private answered: number[] = []; // answer times, ascending
  private inFlight = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

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

function mailboxKey(mailbox: MailboxRef): string {
  return mailbox.kind === "me" ? "me" : `user:${mailbox.id.trim().toLowerCase()}`;
}

/** Rethrown outside the run: a throwing progress callback must not leave items without an outcome. */
function reportLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * Purges `items`; resolves with exactly one outcome per distinct id, in input order. Throws only when the token
 * provider fails (AuthError) before any item was sent; later AuthErrors end the run with the rest
 * `not-attempted`.
 */
export async function purgeItems(
  items: readonly ItemRef[],
  options: ScheduleOptions,
): Promise<Map<string, ItemOutcome>> {
  const { client, signal } = options;
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const maxConcurrent = Math.floor(options.maxConcurrentPerMailbox ?? 4);
  const batchSize = Math.min(MAX_BATCH, Math.floor(options.batchSize ?? MAX_BATCH));
  const budget = options.budget ?? DEFAULT_BUDGET;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 6));
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const ledger = options.ledger ?? createRequestLedger();
  if (!(maxConcurrent >= 1)) throw new TypeError("maxConcurrentPerMailbox must be at least 1.");
  if (!(batchSize >= 1)) throw new TypeError("batchSize must be at least 1.");
  if (!(budget.requests >= 1) || !(budget.windowMs > 0)) throw new TypeError("budget must allow requests.");

  const outcomes = new Map<string, ItemOutcome>();
  const order: string[] = [];
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const ref of items) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    order.push(ref.id);
    entries.push({
      ref,
      order: entries.length,
      attempts: 0,
      dependencyRequeues: 0,
      notBefore: 0,
      uncertain: false,
      sent: false,
    });
  }

  const total = entries.length;
  const counts = { purged: 0, alreadyGone: 0, failed: 0, notAttempted: 0 };
  let settledAfterSending = 0;
  const startedAt = clock.now();
  let stop: Stop | undefined;
  let anySent = false;
  // Ends sleeps at once when the person cancels or the run stops on a sign-in failure.
  const halt = new AbortController();
  const onAbort = () => halt.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) halt.abort();

  function settle(entry: Entry, outcome: ItemOutcome): void {
    const { id } = entry.ref;
    if (outcomes.has(id)) return; // cannot happen: each entry leaves the queue once
    outcomes.set(id, outcome);
    if (outcome.status === "purged") counts.purged += 1;
    else if (outcome.status === "already-gone") counts.alreadyGone += 1;
    else if (outcome.status === "failed") counts.failed += 1;
    else counts.notAttempted += 1;
    if (entry.sent) settledAfterSending += 1;
    try {
      options.onItem?.(id, outcome);
    } catch (error) {
      reportLater(error);
    }
    if (options.onProgress === undefined) return;
    const left = total - outcomes.size;
    const elapsed = clock.now() - startedAt;
    const etaMs =
      left === 0
        ? 0
        : settledAfterSending > 0 && elapsed > 0
          ? Math.round((left * elapsed) / settledAfterSending)
          : undefined;
    try {
      options.onProgress({ total, ...counts, left, etaMs });
    } catch (error) {
      reportLater(error);
    }
  }

  function stopRun(next: Stop): void {
    stop ??= next;
    halt.abort();
  }

  /** Waits, or returns early when the run halts (the loop then looks at why). */
  async function pause(ms: number): Promise<void> {
    if (halt.signal.aborted) return;
    try {
      await clock.sleep(Math.max(0, ms), halt.signal);
    } catch (error) {
      if (!halt.signal.aborted) throw error;
    }
  }

  function retryDelay(entry: Entry, retryAfterMs: number | undefined): number {
    return retryAfterMs !== undefined && retryAfterMs > 0
      ? retryAfterMs
      : backoffDelay(Math.max(0, entry.attempts - 1), random);
  }

  /** A retryable answer: wait and go again, or settle when out of attempts or asked to wait too long. */
  function retryOrSettle(
    entry: Entry,
    queue: Entry[],
    retryAfterMs: number | undefined,
    final: (context: { retryAfterExceededMs?: number }) => DeleteOutcome,
  ): void {
    if (entry.attempts >= maxAttempts) {
      settle(entry, final({}));
      return;
    }
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryDelayMs) {
      settle(entry, final({ retryAfterExceededMs: retryAfterMs }));
      return;
    }
    entry.notBefore = clock.now() + retryDelay(entry, retryAfterMs);
    queue.push(entry);
  }

  function settleMember(entry: Entry, member: BatchMemberResult | undefined, queue: Entry[]): void {
    if (member === undefined || member.kind === "unknown") {
      // It may have run; trying again is safe (a 404 then reads "probably deleted by an earlier attempt").
      entry.uncertain = true;
      entry.attempts += 1;
      retryOrSettle(entry, queue, undefined, () => ({
        status: "failed",
        problem: { kind: "unexpected", message: unknownOutcomeMessage(entry.ref.kind) },
      }));
      return;
    }
    const { status, headers, body } = member;
    if (status === 424) {
      entry.dependencyRequeues += 1;
      if (entry.dependencyRequeues > MAX_DEPENDENCY_REQUEUES) {
        settle(entry, {
          status: "failed",
          problem: { kind: "unexpected", message: dependencyMessage(entry.ref.kind), status },
        });
        return;
      }
      entry.notBefore = clock.now();
      queue.push(entry);
      return;
    }
    entry.attempts += 1;
    if (RETRYABLE.has(status)) {
      if (status === 504) entry.uncertain = true; // the gateway gave up; Exchange may still have done it
      const retryAfterMs = parseRetryAfter(headers["retry-after"] ?? null, clock.now());
      retryOrSettle(entry, queue, retryAfterMs, (extra) =>
        outcomeFromResponse(status, headers, body, entry.ref, { uncertain: entry.uncertain, ...extra }),
      );
      return;
    }
    settle(entry, outcomeFromResponse(status, headers, body, entry.ref, { uncertain: entry.uncertain }));
  }

  function settleFailedBatch(chosen: Entry[], result: Extract<BatchResult, { ok: false }>, queue: Entry[]) {
    const { failure } = result;
    if (failure.nothingRan && failure.kind === "aborted") {
      // The run halted before the client could resend a batch that ran nothing: never carried out.
      queue.push(...chosen);
      return;
    }
    if (failure.nothingRan && (failure.status === 429 || failure.status === 503)) {
      // Graph refused the whole batch before running any of it: the same members wait and go again.
      for (const entry of chosen) {
        entry.attempts += 1;
        retryOrSettle(entry, queue, failure.retryAfterMs, ({ retryAfterExceededMs }) => {
          const problem = failure.problemFor(entry.ref);
          if (retryAfterExceededMs !== undefined) problem.retryAfterMs = retryAfterExceededMs;
          return { status: "failed", problem };
        });
      }
      return;
    }
    for (const entry of chosen) settle(entry, { status: "failed", problem: failure.problemFor(entry.ref) });
    const first = chosen[0];
    if (failure.kind === "unauthorized" && first !== undefined) {
      // The token is refused even after a refresh: every further request would be refused the same way.
      stopRun({ message: failure.problemFor(first.ref).message });
    }
  }

  async function sendBatch(picked: Entry[], queue: Entry[], window: SendWindow): Promise<void> {
    // Items that may already be gone (after a 504 or an unreadable answer) will likely answer 404, which 424s
    // everything after them in their chain: put them at the chain ends, where a failure costs nobody else.
    const chosen = [...picked.filter((e) => !e.uncertain), ...picked.filter((e) => e.uncertain)];
    const chains = Math.min(maxConcurrent, chosen.length);
    const requests = chosen.map((entry, i) =>
      permanentDeleteMember(String(i + 1), entry.ref, i >= chains ? [String(i + 1 - chains)] : undefined),
    );
    window.begin(chosen.length);
    let result: BatchResult;
    try {
      // No signal: a batch already on its way finishes and is reported (cancel stops new work only, so the
      // client must not resend it after a 429 wait or a token refresh once the run halts).
      result = await client.batch(requests, { stopRetries: halt.signal });
    } catch (error) {
      window.end(chosen.length, 0, clock.now());
      if (error instanceof AuthError) {
        // No token: nothing of this batch ran. Back to the queue, to end as not attempted.
        queue.push(...chosen);
        stopRun({ message: error.message, error });
        return;
      }
      for (const entry of chosen) {
        entry.sent = true;
        anySent = true;
        settle(entry, {
          status: "failed",
          problem: { kind: "unexpected", message: unknownOutcomeMessage(entry.ref.kind) },
        });
      }
      return;
    }
    window.end(chosen.length, chosen.length * Math.max(0, result.sends - 1), clock.now());
    anySent = true;
    for (const entry of chosen) entry.sent = true;
    if (!result.ok) {
      settleFailedBatch(chosen, result, queue);
      return;
    }
    chosen.forEach((entry, i) => {
      if (result.uncertain) entry.uncertain = true;
      settleMember(entry, result.responses.get(String(i + 1)), queue);
    });
  }

  async function sendSingle(entry: Entry, queue: Entry[], window: SendWindow): Promise<void> {
    window.begin(1);
    let outcome: DeleteOutcome;
    try {
      outcome = await client.permanentDelete(entry.ref, { stopRetries: halt.signal });
    } catch (error) {
      window.end(1, 0, clock.now());
      if (error instanceof AuthError) {
        queue.push(entry);
        stopRun({ message: error.message, error });
        return;
      }
      entry.sent = true;
      anySent = true;
      settle(entry, {
        status: "failed",
        problem: { kind: "unexpected", message: unknownOutcomeMessage(entry.ref.kind) },
      });
      return;
    }
    window.end(1, 0, clock.now());
    entry.sent = true;
    anySent = true;
    settle(entry, outcome);
    if (outcome.status === "failed" && outcome.problem.kind === "unauthorized") {
      stopRun({ message: outcome.problem.message });
    }
  }

  /** How many ready items to send now (0: wait for budget). Whole chains where possible. */
  function batchCount(ready: number, room: number): number {
    let n = Math.min(ready, batchSize, budget.requests);
    if (ready > n && n >= maxConcurrent) n -= n % maxConcurrent;
    if (room >= n) return n;
    const need = Math.min(n, maxConcurrent);
    if (room < need) return 0;
    return room >= maxConcurrent ? room - (room % maxConcurrent) : room;
  }

  function leftover(entry: Entry): ItemOutcome {
    if (stop !== undefined) {
      if (!entry.sent || !entry.uncertain) return { status: "not-attempted", message: stop.message };
    } else if (!entry.sent || !entry.uncertain) {
      // Never sent, or every earlier answer (429, 424) said it wasn't carried out: nothing happened to it.
      return { status: "not-attempted", message: cancelledBeforeItem() };
    }
    // Sent before, with an answer that leaves open whether it was deleted (504, a lost answer).
    return {
      status: "failed",
      problem: { kind: "aborted", message: say.aborted({ op: "delete", item: entry.ref }, entry.uncertain) },
    };
  }

  const windows = ledgerWindows.get(ledger) ?? new Map<string, SendWindow>();
  ledgerWindows.set(ledger, windows);

  function windowFor(key: string): SendWindow {
    const existing = windows.get(key);
    if (
      existing !== undefined &&
      existing.limit === budget.requests &&
      existing.windowMs === budget.windowMs
    ) {
      return existing;
    }
    const window = new SendWindow(budget.requests, budget.windowMs);
    windows.set(key, window);
    return window;
  }

  async function runMailbox(key: string, group: Entry[]): Promise<void> {
    let queue = group;
    const window = windowFor(key);
    const single = group.length === 1;
    while (queue.length > 0 && !halt.signal.aborted) {
      const now = clock.now();
      queue.sort((a, b) => a.order - b.order);
      const ready = queue.filter((e) => e.notBefore <= now);
      if (ready.length === 0) {
        const next = queue.reduce((min, e) => Math.min(min, e.notBefore), Number.POSITIVE_INFINITY);
        await pause(next - now);
        continue;
      }
      const n = single ? 1 : batchCount(ready.length, window.room(now));
      if (n === 0) {
        await pause(window.waitFor(Math.min(ready.length, maxConcurrent, budget.requests), now));
        continue;
      }
      const chosen = ready.slice(0, n);
      const chosenSet = new Set(chosen);
      queue = queue.filter((e) => !chosenSet.has(e));
      if (single && chosen[0] !== undefined) await sendSingle(chosen[0], queue, window);
      else await sendBatch(chosen, queue, window);
    }
    for (const entry of queue.sort((a, b) => a.order - b.order)) settle(entry, leftover(entry));
  }

  try {
    const groups = new Map<string, Entry[]>();
    for (const entry of entries) {
      try {
        itemPath(entry.ref); // an unusable id would make the whole batch invalid: settle it here
      } catch {
        settle(entry, {
          status: "failed",
          problem: { kind: "bad-request", message: say.missingId(entry.ref.kind) },
        });
        continue;
      }
      const key = mailboxKey(entry.ref.mailbox);
      const group = groups.get(key) ?? [];
      group.push(entry);
      groups.set(key, group);
    }
    await Promise.all([...groups].map(([key, group]) => runMailbox(key, group)));
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }

  if (stop?.error !== undefined && !anySent) throw stop.error;
  const result = new Map<string, ItemOutcome>();
  for (const id of order) {
    const outcome = outcomes.get(id);
    if (outcome !== undefined) result.set(id, outcome);
  }
  return result;
}

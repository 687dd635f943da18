/**
 * The bulk purge scheduler: deletes hundreds or thousands of items as fast as Exchange allows without causing our
 * own throttling, and ends every distinct item with exactly one outcome.
 *
 * Outlook's limits (learn.microsoft.com/graph/throttling-limits, "Outlook service limits"): at most 4 requests in
 * flight per app and mailbox, a `$batch` member counting as one, and 10,000 requests per 10 minutes. Graph runs a
 * `$batch` only fully parallel or fully sequential (learn.microsoft.com/graph/json-batching; a mix is refused whole:
 * microsoft-graph-docs#16280). The pieces, under `schedule/`:
 * - lanes.ts: which items go in which request (4 lanes of fully sequential batches of up to 20; at most 4 items in
 *   one parallel batch; one item in a plain request);
 * - decisions.ts: what each answer means for its item (settle, or send again and when);
 * - requestLedger.ts: the 10-minute budget, kept by pacing;
 * - runState.ts: outcomes, progress and why a run stopped;
 * - mailboxRun.ts: the workers, one per lane;
 * - send.ts: one lane's request, and what its answer does to each item.
 *
 * Items with the same id are purged once. Mailboxes are keyed by how they are addressed: "/me" and
 * "/users/{self}" count as two.
 */

import type { GraphClient } from "../graph/client";
import { itemPath } from "../graph/paths";
import type { ItemRef, MailboxRef } from "../graph/types";
import { realClock, type SchedulerClock } from "./clock";
import * as say from "./graphWording";
import type { Entry, RetryPolicy } from "./schedule/decisions";
import { runMailbox } from "./schedule/mailboxRun";
import { createRequestLedger, type RequestLedger, windowFor } from "./schedule/requestLedger";
import { type PurgeProgress, PurgeRun } from "./schedule/runState";
import type { ItemOutcome } from "./types";

export type { SchedulerClock } from "./clock";
export { createRequestLedger, type RequestLedger } from "./schedule/requestLedger";
export type { PurgeProgress } from "./schedule/runState";
export type { ItemOutcome } from "./types";

export interface ScheduleOptions {
  client: Pick<GraphClient, "permanentDelete" | "batch">;
  /** @default real time */
  clock?: SchedulerClock;
  /** Cancel: no new work starts; in-flight work finishes and is reported. */
  signal?: AbortSignal;
  onProgress?(progress: PurgeProgress): void;
  /** As each item settles. */
  onItem?(id: string, outcome: ItemOutcome): void;
  /** Requests in flight per mailbox, batch members counted. @default 4 */
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

const DEFAULT_BUDGET = { requests: 10_000, windowMs: 600_000 };
const MAX_BATCH = 20;

function mailboxKey(mailbox: MailboxRef): string {
  return mailbox.kind === "me" ? "me" : `user:${mailbox.id.trim().toLowerCase()}`;
}

/** The options with their defaults, checked. */
function settingsOf(options: ScheduleOptions) {
  const maxConcurrent = Math.floor(options.maxConcurrentPerMailbox ?? 4);
  const maxBatch = Math.min(MAX_BATCH, Math.floor(options.batchSize ?? MAX_BATCH));
  const budget = options.budget ?? DEFAULT_BUDGET;
  if (!(maxConcurrent >= 1)) throw new TypeError("maxConcurrentPerMailbox must be at least 1.");
  if (!(maxBatch >= 1)) throw new TypeError("batchSize must be at least 1.");
  if (!(budget.requests >= 1) || !(budget.windowMs > 0)) throw new TypeError("budget must allow requests.");
  const policy: RetryPolicy = {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 6)),
    maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
    random: options.random ?? Math.random,
  };
  return {
    clock: options.clock ?? realClock,
    maxConcurrent,
    maxBatch,
    budget,
    policy,
    ledger: options.ledger ?? createRequestLedger(),
  };
}

/** One entry per distinct id, in input order (the first of repeated ids). */
function entriesOf(items: readonly ItemRef[]): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const ref of items) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
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
  return entries;
}

/** Entries per mailbox; an entry whose id can't be addressed is settled here, unsent. */
function byMailbox(entries: readonly Entry[], run: PurgeRun): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    try {
      itemPath(entry.ref); // an unusable id would make the whole batch invalid: settle it here
    } catch {
      run.settle(entry, {
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
  return groups;
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
  const { clock, maxConcurrent, maxBatch, budget, policy, ledger } = settingsOf(options);
  const entries = entriesOf(items);
  const run = new PurgeRun(entries.length, clock, options);
  const onAbort = () => run.cancel();
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) run.cancel();
  try {
    await Promise.all(
      [...byMailbox(entries, run)].map(([key, group]) =>
        runMailbox(group, {
          client,
          clock,
          run,
          policy,
          window: windowFor(ledger, key, budget),
          maxConcurrent,
          maxBatch,
        }),
      ),
    );
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }

  const stopError = run.stop?.error;
  if (stopError !== undefined && !run.anySent) throw stopError;
  const result = new Map<string, ItemOutcome>();
  for (const { ref } of entries) {
    const outcome = run.outcomes.get(ref.id);
    if (outcome !== undefined) result.set(ref.id, outcome);
  }
  return result;
}

/**
 * Test helpers for the scheduler (not shipped): a virtual clock that advances only when everything waits, and a
 * fake Graph that runs `$batch` members like Exchange (dependsOn chains one after another, 424 after a failed
 * dependency, only fully parallel or fully sequential batches (validateBatchRequests), 4 concurrent per mailbox with 429 MailboxConcurrency beyond, a sliding request budget) and
 * records what it did, so tests can assert concurrency, budgets and which 204s reached the client.
 */
import { AuthError } from "../auth/errors";
import {
  type BatchFailure,
  type BatchRequest,
  type BatchResult,
  parseBatchAnswer,
  validateBatchRequests,
} from "../graph/batch";
import type { GraphClient } from "../graph/client";
import { outcomeFromResponse, problemForStatus } from "../graph/outcome";
import type { DeleteOutcome, ItemRef } from "../graph/types";
import type { SchedulerClock } from "./clock";

interface Timer {
  at: number;
  seq: number;
  fire(): void;
}

/** One sleep somebody asked for: how long, and when. */
export interface Wait {
  ms: number;
  at: number;
}

/**
 * Virtual time: it moves only when every promise is waiting on a sleep and no tracked I/O is in flight; then it
 * jumps to the earliest sleep. `now` and `sleep` are bound, so they can be handed out as functions.
 */
export class VirtualClock implements SchedulerClock {
  t: number;
  /** Every sleep asked for, in order. */
  readonly waits: Wait[] = [];
  private timers: Timer[] = [];
  private seq = 0;
  private inflight = 0;
  private wake: (() => void) | undefined;

  constructor(start = 0) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error("aborted"));
        return;
      }
      this.waits.push({ ms, at: this.t });
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new Error("aborted"));
      };
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
    });

  /** Marks real I/O (a request to a real server, a dialog): time stands still until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inflight += 1;
    const done = () => {
      this.inflight -= 1;
      this.wake?.();
    };
    work.then(done, done);
    return work;
  }

  /** Lets work nobody awaits any more finish, time moving as needed. */
  async drain(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if ((await this.step()) === "idle") return;
    }
  }

  /** Drives `promise` to its end, advancing time whenever nothing else can happen. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    const mark = () => {
      settled = true;
      this.wake?.();
    };
    promise.then(mark, mark);
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) return promise;
      if ((await this.step()) === "idle")
        throw new Error("deadlock: nothing is scheduled and the run has not ended");
    }
  }

  /** One step of time: waits while I/O is in flight, else fires the next sleep; "idle" when there is neither. */
  private async step(): Promise<"moved" | "idle"> {
    if (this.inflight > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
      return "moved";
    }
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.timers.shift();
    if (next === undefined) return "idle";
    this.t = Math.max(this.t, next.at);
    next.fire();
    return "moved";
  }
}

/** What the fake server answers for one execution of one item's delete. */
export interface Step {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The delete happened although the answer says otherwise (a 504 after Exchange did it). */
  ran?: boolean;
  /** How the member's answer travels back: left out of the batch answer, or repeated in it. */
  delivery?: "omit" | "duplicate";
}

/** A whole-batch fault, for the n-th batch call (1-based). */
export type BatchFault =
  | { kind: "auth" } // the token provider fails: nothing sent
  | { kind: "status"; status: number; retryAfterMs?: number } // refused before running anything
  | { kind: "drop" } // members run, the answer never arrives
  | { kind: "invalid-json" } // members run, the answer is not JSON
  | { kind: "foreign-id" }; // members run, the answer names an id that was not sent

export interface MemberRun {
  mailbox: string;
  itemId: string;
  start: number;
  end: number;
  status: number;
  batchCall: number;
}

export interface FakeGraphOptions {
  serverTimeMs?: number;
  /** Round trip of one HTTP request, split evenly each way. */
  rttMs?: number;
  concurrencyLimit?: number;
  budget?: { requests: number; windowMs: number };
  plan?: (itemId: string, execution: number) => Step | undefined;
  batchFault?: (call: number, requests: readonly BatchRequest[]) => BatchFault | undefined;
  /** Items that exist before the run (default: every id asked for exists). */
  existing?: (itemId: string) => boolean;
  /** Called as each batch call starts (after validation). */
  onBatch?: (call: number, requests: readonly BatchRequest[]) => void;
  seed?: number;
}

function parseUrl(url: string): { mailbox: string; itemId: string } {
  const m = /^\/(me|users\/[^/]+)\/(?:mailFolders\/[^/]+\/)?messages\/([^/]+)\/permanentDelete$/.exec(url);
  if (m?.[1] === undefined || m[2] === undefined) throw new Error(`fake Graph: unexpected url ${url}`);
  return { mailbox: decodeURIComponent(m[1]), itemId: decodeURIComponent(m[2]) };
}

export class FakeGraph implements Pick<GraphClient, "permanentDelete" | "batch"> {
  readonly batchCalls: { at: number; requests: BatchRequest[] }[] = [];
  readonly singleCalls: { at: number; itemId: string }[] = [];
  readonly runs: MemberRun[] = [];
  readonly purged = new Set<string>();
  readonly delivered204 = new Set<string>();
  /** 429s the server gave because we exceeded its limits (not ones a plan injected). */
  readonly caused429: { reason: "concurrency" | "budget"; itemId: string; at: number }[] = [];
  readonly maxInFlight = new Map<string, number>();
  private inFlight = new Map<string, number>();
  private starts = new Map<string, number[]>();
  private executions = new Map<string, number>();
  private rng: number;
  private calls = 0;
  private readonly o: Required<
    Omit<FakeGraphOptions, "budget" | "plan" | "batchFault" | "existing" | "onBatch">
  > &
    FakeGraphOptions;

  constructor(
    private readonly clock: VirtualClock,
    options: FakeGraphOptions = {},
  ) {
    this.o = { serverTimeMs: 20, rttMs: 2, concurrencyLimit: 4, seed: 1, ...options };
    this.rng = this.o.seed >>> 0 || 1;
  }

  /** Executions of one item's delete that reached the server's handler. */
  executionsOf(itemId: string): number {
    return this.executions.get(itemId) ?? 0;
  }

  private random(): number {
    // xorshift32: deterministic answer order per seed
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng / 2 ** 32;
  }

  private async execute(url: string, call: number): Promise<Step> {
    const { mailbox, itemId } = parseUrl(url);
    const start = this.clock.now();
    const n = (this.inFlight.get(mailbox) ?? 0) + 1;
    this.inFlight.set(mailbox, n);
    this.maxInFlight.set(mailbox, Math.max(this.maxInFlight.get(mailbox) ?? 0, n));
    try {
      if (n > this.o.concurrencyLimit) {
        this.caused429.push({ reason: "concurrency", itemId, at: start });
        return { status: 429, headers: { "Retry-After": "1" }, body: graphErrorBody("ApplicationThrottled") };
      }
      const budget = this.o.budget;
      if (budget !== undefined) {
        const list = (this.starts.get(mailbox) ?? []).filter((s) => s > start - budget.windowMs);
        if (list.length >= budget.requests) {
          this.starts.set(mailbox, list);
          this.caused429.push({ reason: "budget", itemId, at: start });
          return {
            status: 429,
            headers: { "Retry-After": "60" },
            body: graphErrorBody("ApplicationThrottled"),
          };
        }
        list.push(start);
        this.starts.set(mailbox, list);
      }
      const execution = (this.executions.get(itemId) ?? 0) + 1;
      this.executions.set(itemId, execution);
      await this.clock.sleep(this.o.serverTimeMs);
      const exists = !this.purged.has(itemId) && (this.o.existing?.(itemId) ?? true);
      const planned = this.o.plan?.(itemId, execution);
      let step: Step;
      if (planned !== undefined && exists) step = planned;
      else if (exists) step = { status: 204 };
      else step = { status: 404, body: graphErrorBody("ErrorItemNotFound") };
      if (exists && (step.status === 204 || step.ran === true)) this.purged.add(itemId);
      this.runs.push({ mailbox, itemId, start, end: this.clock.now(), status: step.status, batchCall: call });
      return step;
    } finally {
      this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
    }
  }

  async permanentDelete(item: ItemRef): Promise<DeleteOutcome> {
    this.singleCalls.push({ at: this.clock.now(), itemId: item.id });
    const url = `${item.mailbox.kind === "me" ? "/me" : `/users/${encodeURIComponent(item.mailbox.id)}`}/messages/${encodeURIComponent(item.id)}/permanentDelete`;
    await this.clock.sleep(this.o.rttMs / 2);
    const step = await this.execute(url, 0);
    await this.clock.sleep(this.o.rttMs / 2);
    if (step.status === 204) this.delivered204.add(item.id);
    return outcomeFromResponse(step.status, step.headers ?? {}, step.body);
  }

  async batch(requests: readonly BatchRequest[]): Promise<BatchResult> {
    validateBatchRequests(requests);
    this.calls += 1;
    const call = this.calls; // counts calls refused for want of a token too
    const fault = this.o.batchFault?.(call, requests);
    if (fault?.kind === "auth") throw new AuthError("interaction-required", "Sign in to continue.");
    this.batchCalls.push({ at: this.clock.now(), requests: [...requests] });
    this.o.onBatch?.(call, requests);
    await this.clock.sleep(this.o.rttMs / 2);
    if (fault?.kind === "status") {
      await this.clock.sleep(this.o.rttMs / 2);
      const problem = problemForStatus(fault.status, {});
      const failure: BatchFailure = { problem, status: fault.status, nothingRan: true };
      if (fault.retryAfterMs !== undefined) failure.retryAfterMs = fault.retryAfterMs;
      return { ok: false, failure, sends: 1 };
    }

    const steps = new Map<string, Promise<Step>>();
    const byId = new Map(requests.map((r) => [r.id, r]));
    const run = (id: string): Promise<Step> => {
      const existing = steps.get(id);
      if (existing) return existing;
      const r = byId.get(id);
      if (r === undefined) throw new Error("unknown member");
      const p = (async () => {
        const deps = await Promise.all((r.dependsOn ?? []).map(run));
        if (deps.some((d) => d.status < 200 || d.status >= 300))
          return { status: 424, body: graphErrorBody("FailedDependency") };
        return this.execute(r.url, call);
      })();
      steps.set(id, p);
      return p;
    };
    const answered = await Promise.all(requests.map(async (r) => ({ r, step: await run(r.id) })));
    await this.clock.sleep(this.o.rttMs / 2);

    if (fault?.kind === "drop") {
      const failure: BatchFailure = {
        problem: { kind: "network", beforeSend: false, uncertain: false },
        nothingRan: false,
      };
      return { ok: false, failure, sends: 1 };
    }
    const responses: unknown[] = [];
    for (const { r, step } of answered) {
      if (step.delivery === "omit") continue;
      const entry = { id: r.id, status: step.status, headers: step.headers ?? {}, body: step.body };
      responses.push(entry);
      if (step.delivery === "duplicate") responses.push(entry);
    }
    // Any order, as Graph.
    for (let i = responses.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [responses[i], responses[j]] = [responses[j], responses[i]];
    }
    if (fault?.kind === "foreign-id") responses.push({ id: "999", status: 204, headers: {} });
    const text = fault?.kind === "invalid-json" ? '{"responses": [' : JSON.stringify({ responses });
    if (fault === undefined) {
      for (const { r, step } of answered) {
        if (step.status === 204 && step.delivery === undefined) this.delivered204.add(parseUrl(r.url).itemId);
      }
    }
    return {
      ok: true,
      responses: parseBatchAnswer(
        text,
        requests.map((r) => r.id),
      ),
      uncertain: false,
      sends: 1,
    };
  }

  /** Largest number of member starts in any window of `windowMs` (per mailbox). */
  maxInWindow(mailbox: string, windowMs: number): number {
    const starts = this.runs
      .filter((r) => r.mailbox === mailbox)
      .map((r) => r.start)
      .sort((a, b) => a - b);
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < starts.length; hi += 1) {
      while ((starts[hi] ?? 0) - (starts[lo] ?? 0) >= windowMs) lo += 1;
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }
}

export function graphErrorBody(code: string) {
  return { error: { code, message: `${code} from the fake.` } };
}

export function message(id: string, mailbox: ItemRef["mailbox"] = { kind: "me" }): ItemRef {
  return { kind: "message", id, mailbox };
}

export function messages(n: number, prefix = "m", mailbox: ItemRef["mailbox"] = { kind: "me" }): ItemRef[] {
  return Array.from({ length: n }, (_, i) => message(`${prefix}${String(i).padStart(4, "0")}`, mailbox));
}

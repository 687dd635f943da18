/**
 * Harness for the generated-scenario invariant tests: the REAL Graph client, token service, scheduler and purge
 * workflow against the REAL Graph emulator (in-process, plain HTTP, port 0), with time made virtual.
 *
 * Time: one `IoClock` is the scheduler's clock, the client's sleep and `now`, the token service's `now` and the
 * emulator's clock. It moves only when nothing else can happen: no HTTP exchange in flight (every fetch is
 * tracked until its body is read) and no pending callbacks. So Retry-After waits cost no real time, the
 * emulator's log timestamps are virtual times, and every wait is recorded.
 *
 * The wire: every request the client sends goes through `Wire.fetch`, which records what was sent (which items,
 * at what virtual time, in which logical client call, before or after a cancel) and what came back (top-level
 * status, each batch member's status and Retry-After). The invariants are checked against the emulator's own
 * request log and Purges view; the wire record only adds what the log doesn't keep (Retry-After headers).
 */

import { AsyncLocalStorage } from "node:async_hooks";
import type { AccountInfo } from "@azure/msal-browser";
import { afterAll, beforeAll } from "vitest";
import { seedMailboxes } from "../../dev/emulator/data";
import {
  type Emulator,
  type FaultRule,
  type RequestLogEntry,
  startEmulator,
} from "../../dev/emulator/server";
import { AuthError } from "../../src/core/auth/errors";
import { createTokenService, type NestableClient, type TokenSource } from "../../src/core/auth/tokens";
import { batchShape } from "../../src/core/graph/batch";
import { createGraphClient, type GraphClient } from "../../src/core/graph/client";
import { batchSlots, MAILBOX_CONCURRENCY } from "../../src/core/graph/gate";
import type { TokenProvider } from "../../src/core/graph/types";
import { VirtualClock, type Wait } from "../../src/core/purge/scheduler.testkit";
import { msalAccount } from "../support/msalAccount";

/** The add-in's app id in emulator tokens: how its requests are told apart from "someone else's" in the log. */
export const APP_ID = "5e1f0c2a-9d3b-4e7f-8a6c-1b2d3e4f5a6b";
/** Where every scenario's virtual time starts (tokens and HTTP dates need a plausible epoch). */
export const START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
/** The client's per-attempt timeout in these tests (real ms): hung requests cost this much real time. */
export const TIMEOUT_MS = 400;
/** Documented bounds (client.ts, scheduler.ts defaults). */
export const BOUNDS = {
  clientMaxRetries: 3,
  schedulerMaxAttempts: 6,
  maxDependencyRequeues: 10,
  maxRetryDelayMs: 60_000,
  backoffFloorMs: 250,
  backoffCapMs: 32_000,
} as const;

// ---------------------------------------------------------------------------------------------------- time

/** Virtual time for a scenario, starting on a fixed date; HTTP exchanges with the emulator are tracked I/O. */
export class IoClock extends VirtualClock {
  constructor(start = START_MS) {
    super(start);
  }
}

/** Deterministic jitter for the client and scheduler (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------- emulator

/**
 * The seeded mailboxes, Adele's cut down to the scenarios' pool (her newest Inbox messages): a reset then
 * costs a structured clone instead of building ~350 messages, which is most of a scenario's real time.
 */
function smallMailboxes(): () => ReturnType<typeof seedMailboxes> {
  const seeded = seedMailboxes(1);
  for (const mailbox of seeded.values()) {
    const inbox = [...mailbox.folders.values()].find((f) => f.wellKnownName === "inbox");
    const keep = [...mailbox.messages.values()]
      .filter((m) => m.folderId === inbox?.id)
      .sort((a, b) => (a.receivedDateTime < b.receivedDateTime ? 1 : -1))
      .slice(0, POOL_SIZE);
    mailbox.messages = new Map(keep.map((m) => [m.id, m]));
  }
  return () => structuredClone(seeded);
}

/** How many Inbox messages a scenario can pick from. */
export const POOL_SIZE = 30;

/** One emulator per test file, its clock pointing at the current scenario's IoClock. */
export async function startInvariantEmulator(): Promise<{ emu: Emulator; setClock(clock: IoClock): void }> {
  let current = new IoClock();
  const emu = await startEmulator({
    https: false,
    port: 0,
    mailboxes: smallMailboxes(),
    requestTimeMs: 1, // real ms per request and member: enough for Exchange's 4-at-once limit to matter
    batchOrder: "shuffle",
    batchMode: "throttle",
    clock: { now: () => current.now() },
  });
  return {
    emu,
    setClock(clock) {
      current = clock;
    },
  };
}

/** startInvariantEmulator for this test file (beforeAll, afterAll), printing the coverage counters at its end. */
export function invariantEmulatorForThisFile(label: string): {
  readonly emu: Emulator;
  setClock(clock: IoClock): void;
} {
  let started: Awaited<ReturnType<typeof startInvariantEmulator>> | undefined;
  beforeAll(async () => {
    started = await startInvariantEmulator();
  });
  afterAll(async () => {
    console.warn(`invariants: ${label} coverage ${JSON.stringify(coverage)}`);
    await started?.emu.close();
  });
  const running = () => {
    if (!started)
      throw new Error("the invariant emulator isn't running (its beforeAll failed or hasn't run)");
    return started;
  };
  return {
    get emu() {
      return running().emu;
    },
    setClock: (clock) => running().setClock(clock),
  };
}

/** Every problem the presses of one scenario found, each named by its press. */
export function failures(
  reports: readonly { command: string; result: string; problems: string[] }[],
): string[] {
  return reports.flatMap((r, i) =>
    r.problems.map((p) => `press ${i + 1} [${r.command} -> ${r.result}]: ${p}`),
  );
}

/** Waits (real time) until every logged request has ended, so late member answers are counted in their run. */
export async function quiesce(emu: Emulator, fromSeq: number): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (emu.control.requests().every((r) => r.seq <= fromSeq || r.status !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the emulator still has requests running after 2 s");
}

export function lastSeq(emu: Emulator): number {
  const log = emu.control.requests();
  return log.length === 0 ? 0 : (log[log.length - 1]?.seq ?? 0);
}

/** Another client deletes the item: straight from the emulator's store, past the fault plan and the log. */
export function deleteElsewhere(emu: Emulator, id: string): void {
  for (const mailbox of emu.state.mailboxes.values()) mailbox.messages.delete(id);
}

// ---------------------------------------------------------------------------------------------------- tokens

/** An MSAL error as msal-browser throws it, for `fromMsalError`. */
export type MsalFailure =
  | "interaction_required"
  | "user_cancelled"
  | "no_network_connectivity"
  | "no_account_error"
  | "nested_app_auth_bridge_disabled"
  | "conditional_access"
  | "unknown_error";

function msalError(code: MsalFailure): Record<string, string> {
  switch (code) {
    case "interaction_required":
      return { name: "InteractionRequiredAuthError", errorCode: "interaction_required" };
    case "conditional_access":
      return { errorCode: "invalid_grant", errorMessage: "AADSTS53003: Access has been blocked." };
    default:
      return { errorCode: code };
  }
}

/** NAA's MSAL client: tokens the emulator issues, failures on the calls the scenario chose. */
export class FakeMsal implements NestableClient {
  calls = 0;
  readonly failures = new Map<number, MsalFailure>();

  constructor(
    private readonly emu: Emulator,
    private readonly lifetimeSeconds: number,
  ) {}

  /** The `k`-th MSAL call from now (1 = the next) fails with `code`. */
  failCall(k: number, code: MsalFailure): void {
    this.failures.set(this.calls + k, code);
  }

  getAccount(filter: { username?: string }): AccountInfo {
    return msalAccount(filter.username);
  }

  private async token(): Promise<{ accessToken: string; expiresOn: Date }> {
    this.calls += 1;
    const failure = this.failures.get(this.calls);
    if (failure !== undefined) throw msalError(failure);
    const issued = this.emu.control.mintToken({
      scopes: ["Mail.ReadWrite"],
      clientId: APP_ID,
      expiresInSeconds: this.lifetimeSeconds,
    });
    return { accessToken: issued.accessToken, expiresOn: new Date(issued.expiresOn) };
  }

  acquireTokenSilent = () => this.token();
  ssoSilent = () => this.token();
  acquireTokenPopup = () => this.token();
}

/** The real token service (NAA path) over the fake MSAL client, adapted as services.ts does. */
export function tokenProvider(
  msal: FakeMsal,
  clock: IoClock,
): { source: TokenSource; provider: TokenProvider } {
  const source = createTokenService({
    clientId: APP_ID,
    authority: "https://login.microsoftonline.com/common",
    nestedAppAuthSupported: () => true,
    getAuthContext: async () => ({ userPrincipalName: "adele.vance@contoso.onmicrosoft.com" }),
    createNestableClient: async () => msal,
    signInWithDialog: async () => {
      throw new AuthError("cancelled", "The sign-in dialog is not part of these scenarios.");
    },
    now: clock.now,
  });
  return {
    source,
    provider: {
      getToken: ({ forceRefresh }) =>
        source.getToken({ scopes: ["Mail.ReadWrite"], forceRefresh, interactive: false }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------- wire

export interface ItemAnswer {
  status: number;
  retryAfter: string | null;
}

export interface WireSend {
  n: number;
  kind: "batch" | "delete" | "read";
  /** Logical client call (permanentDelete/batch) it belongs to. */
  call: number | undefined;
  /** Virtual time sent (and answered: time stands still during I/O). */
  at: number;
  /** Member id (or "" for a plain delete) -> item id. */
  items: Map<string, string>;
  afterCancel: boolean;
  /** Top-level answer; undefined when the request failed on the wire (drop, timeout). */
  status?: number;
  retryAfter?: string | null;
  requestId?: string | null;
  /** Per item: what Graph answered for it (member answer, or the top-level answer of a plain delete). */
  answers: Map<string, ItemAnswer>;
  failed?: string;
}

const ITEM_IN_PATH = /\/messages\/([^/?]+)\/permanentDelete/;

function itemOf(url: string): string {
  const m = ITEM_IN_PATH.exec(url);
  return m?.[1] === undefined ? "" : decodeURIComponent(m[1]);
}

/** Records every request the client makes and every answer, and can cancel after the k-th write ended. */
export class Wire {
  readonly sends: WireSend[] = [];
  /** The logical client call a fetch belongs to (calls of one run overlap: up to 4 lanes per mailbox). */
  private readonly currentCall = new AsyncLocalStorage<number>();
  private calls = 0;
  readonly callSends = new Map<number, number>();
  cancelled = false;
  private writesEnded = 0;
  cancelAfterWrites: number | undefined;
  onCancel: (() => void) | undefined;
  /** Outlook slots held at once per mailbox by the calls in flight (sequential batch 1, parallel n, single 1). */
  private readonly slotsInUse = new Map<string, number>();
  /** Times the calls in flight held more than Outlook's 4 slots in one mailbox (must not happen). */
  overlaps = 0;
  /** Batches Graph would refuse whole: neither fully parallel nor fully sequential (must not happen). */
  badShapes = 0;

  constructor(private readonly clock: IoClock) {}

  cancelNow(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.onCancel?.();
  }

  /** Wraps the client so each logical call's HTTP sends can be counted and its slots checked. */
  countCalls(client: GraphClient): Pick<GraphClient, "permanentDelete" | "batch"> {
    const within = async <T>(mailbox: string, slots: number, work: () => Promise<T>): Promise<T> => {
      const held = (this.slotsInUse.get(mailbox) ?? 0) + slots;
      this.slotsInUse.set(mailbox, held);
      if (held > MAILBOX_CONCURRENCY) this.overlaps += 1;
      this.calls += 1;
      const call = this.calls;
      this.callSends.set(call, 0);
      try {
        return await this.currentCall.run(call, work);
      } finally {
        this.slotsInUse.set(mailbox, (this.slotsInUse.get(mailbox) ?? slots) - slots);
      }
    };
    const mailboxOf = (url: string) => /^\/(me|users\/[^/]+)\//.exec(url)?.[1] ?? "?";
    return {
      permanentDelete: (item, options) =>
        within(item.mailbox.kind === "me" ? "me" : `users/${item.mailbox.id}`, 1, () =>
          client.permanentDelete(item, options),
        ),
      batch: (requests, options) => {
        if (batchShape(requests) === undefined) this.badShapes += 1;
        return within(mailboxOf(requests[0]?.url ?? ""), batchSlots(requests), () =>
          client.batch(requests, options),
        );
      },
    };
  }

  fetch: typeof fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === "string" ? init.body : undefined;
    const kind: WireSend["kind"] = url.endsWith("/$batch")
      ? "batch"
      : init?.method === "POST"
        ? "delete"
        : "read";
    const items = new Map<string, string>();
    if (kind === "delete") items.set("", itemOf(url));
    if (kind === "batch" && body !== undefined) {
      const parsed = JSON.parse(body) as { requests: { id: string; url: string }[] };
      for (const r of parsed.requests) items.set(r.id, itemOf(r.url));
    }
    const send: WireSend = {
      n: this.sends.length + 1,
      kind,
      call: kind === "read" ? undefined : this.currentCall.getStore(),
      at: this.clock.now(),
      items,
      afterCancel: this.cancelled,
      answers: new Map(),
    };
    this.sends.push(send);
    if (send.call !== undefined) this.callSends.set(send.call, (this.callSends.get(send.call) ?? 0) + 1);
    const exchange = async (): Promise<Response> => {
      try {
        const response = await fetch(input, init);
        const text = await response.text();
        send.status = response.status;
        send.retryAfter = response.headers.get("retry-after");
        send.requestId = response.headers.get("request-id");
        if (kind === "delete") {
          send.answers.set(items.get("") ?? "", { status: response.status, retryAfter: send.retryAfter });
        }
        if (kind === "batch") this.readBatchAnswer(send, response.status, text);
        const empty = response.status === 204 || response.status === 304 || text === "";
        return new Response(empty ? null : text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } catch (error) {
        send.failed = error instanceof Error ? error.message : String(error);
        throw error;
      } finally {
        if (kind !== "read") {
          this.writesEnded += 1;
          if (this.cancelAfterWrites !== undefined && this.writesEnded >= this.cancelAfterWrites)
            this.cancelNow();
        }
      }
    };
    return this.clock.track(exchange());
  };

  private readBatchAnswer(send: WireSend, status: number, text: string): void {
    if (status < 200 || status >= 300) {
      // Refused as a whole: every item in it got this answer.
      for (const item of send.items.values())
        send.answers.set(item, { status, retryAfter: send.retryAfter ?? null });
      return;
    }
    let responses: { id?: unknown; status?: unknown; headers?: Record<string, unknown> }[] = [];
    try {
      const parsed = JSON.parse(text) as { responses?: typeof responses };
      responses = parsed.responses ?? [];
    } catch {
      return;
    }
    for (const r of responses) {
      const item = typeof r.id === "string" ? send.items.get(r.id) : undefined;
      if (item === undefined || typeof r.status !== "number") continue;
      const header = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === "retry-after")?.[1];
      send.answers.set(item, { status: r.status, retryAfter: typeof header === "string" ? header : null });
    }
  }
}

// ---------------------------------------------------------------------------------------------------- faults

/** A Graph fault as a scenario names it (item = index into the pool), turned into an emulator rule. */
export type GraphFault =
  | { f: "throttle"; item: number; status: 429 | 503; times: number; retryAfter: RetryAfter }
  | { f: "status"; item: number; status: 504 | 500; times: number }
  | { f: "refuse"; item: number; status: 403 | 404 | 400; code: string }
  | { f: "drop"; item: number }
  | { f: "hang"; item: number }
  | { f: "slow"; item: number; ms: number }
  | { f: "batch"; nth: number; status: 401 | 429 | 503 | 504; retryAfter: RetryAfter }
  | { f: "batchDrop"; nth: number };

export type RetryAfter = { seconds: number; as: "seconds" | "date" } | "missing";

export function faultRule(fault: GraphFault, pool: readonly string[]): FaultRule {
  // Item faults hit the deletes (plain or batch member), not the listing's reads.
  const itemId = (i: number) => pool[i % pool.length] ?? "";
  const op = "permanentDelete";
  const ra = (r: RetryAfter) => (r === "missing" ? ("missing" as const) : { seconds: r.seconds, as: r.as });
  switch (fault.f) {
    case "throttle":
      return {
        op,
        itemId: itemId(fault.item),
        times: fault.times,
        action: { kind: "error", status: fault.status, retryAfter: ra(fault.retryAfter) },
      };
    case "status":
      return {
        op,
        itemId: itemId(fault.item),
        times: fault.times,
        action: { kind: "error", status: fault.status },
      };
    case "refuse":
      return {
        op,
        itemId: itemId(fault.item),
        action: { kind: "error", status: fault.status, code: fault.code },
      };
    case "drop":
      return { op, itemId: itemId(fault.item), times: 1, action: { kind: "drop" } };
    case "hang":
      return { op, itemId: itemId(fault.item), times: 1, action: { kind: "hang" } };
    case "slow":
      return { op, itemId: itemId(fault.item), latencyMs: fault.ms, action: { kind: "latency" } };
    case "batch":
      return {
        op: "$batch",
        target: "request",
        nth: fault.nth,
        times: 1,
        action: { kind: "error", status: fault.status, retryAfter: ra(fault.retryAfter) },
      };
    case "batchDrop":
      return { op: "$batch", target: "request", nth: fault.nth, times: 1, action: { kind: "drop" } };
  }
}

// ---------------------------------------------------------------------------------------------------- world

/** What a scenario changes between presses: a Graph fault, a token failure, an item deleted elsewhere. */
export type WorldCommand =
  | { c: "fault"; fault: GraphFault }
  | { c: "token"; call: number; failure: MsalFailure }
  | { c: "gone"; item: number };

/** One scenario's world: the emulator reset, its pool of Inbox ids, virtual time, the wire and the real client. */
export interface World {
  pool: string[];
  clock: IoClock;
  wire: Wire;
  random: () => number;
  client: GraphClient;
  /** The client's deleting calls, counted per call by the wire (slots, sends). */
  counted: Pick<GraphClient, "permanentDelete" | "batch">;
  apply(command: WorldCommand): void;
}

export function startWorld(
  emu: Emulator,
  setClock: (clock: IoClock) => void,
  scenario: { seed: number; tokenSeconds: number },
): World {
  emu.control.reset();
  const pool = emu.control
    .messages({ folder: "inbox" })
    .slice(0, POOL_SIZE)
    .map((m) => m.id);
  const clock = new IoClock();
  setClock(clock);
  const wire = new Wire(clock);
  const msal = new FakeMsal(emu, scenario.tokenSeconds);
  const random = seededRandom(scenario.seed);
  const client = createGraphClient({
    baseUrl: emu.url,
    tokens: tokenProvider(msal, clock).provider,
    fetch: wire.fetch,
    timeoutMs: TIMEOUT_MS,
    sleep: clock.sleep,
    now: clock.now,
    random,
  });
  return {
    pool,
    clock,
    wire,
    random,
    client,
    counted: wire.countCalls(client),
    apply(command) {
      if (command.c === "fault") emu.control.addFault(faultRule(command.fault, pool));
      else if (command.c === "token") msal.failCall(command.call, command.failure);
      else deleteElsewhere(emu, pool[command.item] ?? "");
    },
  };
}

// ---------------------------------------------------------------------------------------------------- checks

/** Retry-After in ms from `at` (seconds or HTTP date), as RFC 9110 defines it; undefined when absent. */
export function retryAfterMs(value: string | null | undefined, at: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - at);
}

const WRITE_OPS = new Set(["permanentDelete", "$batch"]);

export function isWrite(entry: RequestLogEntry): boolean {
  return entry.op !== null && WRITE_OPS.has(entry.op);
}

/** The emulator's record of one run: its log window and what the add-in's own requests purged in it. */
export interface EmulatorRecord {
  window: RequestLogEntry[];
  /** Items purged by a request of this window sent with the add-in's token. */
  deletedByUs: Set<string>;
  /** Items with a 204 answered to the add-in in this window. */
  answered204: Set<string>;
}

export function emulatorRecord(emu: Emulator, fromSeq: number, toSeq: number): EmulatorRecord {
  const window = emu.control.requests().filter((r) => r.seq > fromSeq && r.seq <= toSeq);
  const ours = new Map(window.filter((r) => r.appId === APP_ID).map((r) => [r.requestId, r]));
  const deletedByUs = new Set(
    emu.control
      .purges()
      .filter((p) => ours.has(p.requestId))
      .map((p) => p.id),
  );
  const answered204 = new Set(
    window
      .filter(
        (r) => r.appId === APP_ID && r.op === "permanentDelete" && r.status === 204 && r.itemId !== null,
      )
      .map((r) => r.itemId as string),
  );
  return { window, deletedByUs, answered204 };
}

/** What the checks looked at, summed over a test file (printed, so a vacuous run shows). */
export const coverage = { retriesTimed: 0, retryAfterWaits: 0, deletedByUs: 0, cancels: 0 };

/** Invariant 4 on the wire record: retries bounded, each retry after 429/503 waited its Retry-After. */
export function checkRetries(
  sends: readonly WireSend[],
  record: EmulatorRecord,
  waits: readonly Wait[],
): string[] {
  const problems: string[] = [];
  // Per logical client call: one send, plus at most maxRetries retries and one 401 refresh.
  const perCall = new Map<number, number>();
  for (const s of sends) if (s.call !== undefined) perCall.set(s.call, (perCall.get(s.call) ?? 0) + 1);
  for (const [call, n] of perCall) {
    if (n > BOUNDS.clientMaxRetries + 2) problems.push(`client call ${call} sent ${n} requests`);
  }
  // Per item: every send carrying it, in order, with what was answered for it.
  const history = new Map<string, { at: number; answer: ItemAnswer | undefined; n: number }[]>();
  for (const s of sends) {
    if (s.kind === "read") continue;
    for (const item of s.items.values()) {
      const list = history.get(item) ?? [];
      list.push({ at: s.at, answer: s.answers.get(item), n: s.n });
      history.set(item, list);
    }
  }
  for (const [item, list] of history) {
    const executions = record.window.filter(
      (r) => r.itemId === item && r.op === "permanentDelete" && r.appId === APP_ID && r.batchMember,
    ).length;
    if (executions > BOUNDS.schedulerMaxAttempts) {
      problems.push(
        `item ${short(item)} reached Exchange ${executions} times in batches (bound ${BOUNDS.schedulerMaxAttempts})`,
      );
    }
    for (let k = 0; k + 1 < list.length; k += 1) {
      const prev = list[k];
      const next = list[k + 1];
      if (prev === undefined || next === undefined || prev.answer === undefined) continue;
      const { status, retryAfter } = prev.answer;
      if (status !== 429 && status !== 503 && status !== 504) continue;
      const asked = retryAfterMs(retryAfter, prev.at);
      if (asked !== undefined && asked > BOUNDS.maxRetryDelayMs) {
        problems.push(
          `item ${short(item)} was sent again (#${next.n}) after a Retry-After of ${asked} ms, beyond the limit`,
        );
        continue;
      }
      const least = asked !== undefined && asked > 0 ? asked : BOUNDS.backoffFloorMs;
      coverage.retriesTimed += 1;
      if (asked !== undefined && asked > 0) coverage.retryAfterWaits += 1;
      if (next.at - prev.at < least) {
        problems.push(
          `item ${short(item)}: send #${next.n} came ${next.at - prev.at} ms after a ${status} (Retry-After ${retryAfter ?? "none"}) in #${prev.n}; needed ${least} ms`,
        );
      }
    }
  }
  for (const w of waits) {
    if (w.ms > BOUNDS.maxRetryDelayMs) problems.push(`a wait of ${w.ms} ms (over ${BOUNDS.maxRetryDelayMs})`);
  }
  return problems;
}

/** Ties the wire record to the emulator's: every answer the client saw is the one the emulator logged. */
export function checkWireMatchesLog(sends: readonly WireSend[], record: EmulatorRecord): string[] {
  const problems: string[] = [];
  // appId null: refused before the token was read (expired or bad token: 401), still one of ours on the wire.
  const topLevel = record.window.filter(
    (r) => !r.batchMember && r.kind === "graph" && (r.appId === APP_ID || r.appId === null),
  );
  const byRequestId = new Map(topLevel.map((r) => [r.requestId, r]));
  for (const s of sends) {
    if (s.requestId === undefined || s.requestId === null) continue;
    const logged = byRequestId.get(s.requestId);
    if (logged === undefined)
      problems.push(`send #${s.n} answered with request-id ${s.requestId}, not in the log`);
    else if (logged.status !== s.status)
      problems.push(`send #${s.n}: wire ${s.status}, log ${String(logged.status)}`);
    if (s.kind === "batch" && s.status === 200) {
      const members = record.window.filter((r) => r.batchRequestId === s.requestId);
      for (const m of members) {
        const item = m.memberId === null ? undefined : s.items.get(m.memberId);
        const seen = item === undefined ? undefined : s.answers.get(item);
        if (item !== undefined && seen !== undefined && seen.status !== m.status) {
          problems.push(`send #${s.n} member ${m.memberId}: wire ${seen.status}, log ${String(m.status)}`);
        }
      }
    }
  }
  // The emulator saw no write the client didn't send (other than those of other apps).
  const writes = sends.filter((s) => s.kind !== "read").length;
  const loggedWrites = topLevel.filter(isWrite).length;
  if (loggedWrites > writes)
    problems.push(`the emulator logged ${loggedWrites} writes, the client sent ${writes}`);
  return problems;
}

export function short(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

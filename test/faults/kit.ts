/**
 * Shared pieces of the fault-table integration tests: the in-process Graph emulator, real tokens it minted,
 * the real Graph client, the real purge workflow and scheduler, and the sentences the add-in shows for a
 * result (report.ts: the same functions the pane and the ribbon's notification use).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator, MessageListing } from "../../dev/emulator/server";
import { emulatorForThisFile as emulatorWithHooks } from "../../dev/emulator/testkit";
import { runPurgeCommand } from "../../src/commands/purgeCommand";
import { createGraphClient, type GraphClientOptions } from "../../src/core/graph/client";
import type { ItemRef, TokenProvider } from "../../src/core/graph/types";
import { fitNotification, type NotificationKind } from "../../src/core/office/notifications";
import { reportDelete } from "../../src/core/purge/graphReports";
import { summarize, summarizeItem } from "../../src/core/purge/report";
import { purgeItems, type ScheduleOptions, type SchedulerClock } from "../../src/core/purge/scheduler";
import type {
  ConfirmationAnswer,
  ConfirmationRequest,
  PurgeResult,
  PurgeTarget,
} from "../../src/core/purge/types";
import { createPurger } from "../../src/core/purge/workflow";

/** One emulator for the file, reset (data, log, faults, settings) before each test. */
export function emulatorForThisFile(): { readonly emu: Emulator } {
  const emu = emulatorWithHooks(
    { seed: 1 },
    {
      settings: {
        requestTimeMs: 0,
        exposeRetryAfter: true,
        batchOrder: "shuffle",
        batchMode: "throttle",
        clockOffsetMs: 0,
      },
    },
  );
  return { emu };
}

export interface RecordedTokens extends TokenProvider {
  calls: { forceRefresh: boolean }[];
}

/** Real tokens from the emulator: one kept until a forced refresh asks for a new one (as the token service does). */
export function emulatorTokens(
  emu: Emulator,
  scopes: string[] = ["Mail.ReadWrite"],
  expiresInSeconds = 3600,
): RecordedTokens {
  let token: string | undefined;
  const calls: { forceRefresh: boolean }[] = [];
  return {
    calls,
    async getToken({ forceRefresh }) {
      calls.push({ forceRefresh });
      if (token === undefined || forceRefresh)
        token = emu.control.mintToken({ scopes, expiresInSeconds }).accessToken;
      return token;
    },
  };
}

export interface Waits {
  waits: number[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A sleep that returns at once (next macrotask) and remembers what it was asked to wait. */
export function recordedWaits(): Waits {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waits.push(ms);
        if (signal?.aborted) reject(new Error("aborted"));
        else setImmediate(resolve);
      }),
  };
}

/** Virtual time for the scheduler: sleeps advance it and return at once, so Retry-After costs no real time. */
export function virtualClock(): SchedulerClock & { waits: number[] } {
  let now = Date.UTC(2026, 10, 23, 12);
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waits.push(ms);
        now += Math.max(0, ms);
        if (signal?.aborted) reject(new Error("aborted"));
        else setImmediate(resolve);
      }),
  };
}

export function graphClient(
  emu: Emulator,
  tokens: TokenProvider,
  extra: Partial<Omit<GraphClientOptions, "tokens">> = {},
) {
  return createGraphClient({ baseUrl: emu.url, tokens, random: () => 0.5, ...extra });
}

export function inbox(emu: Emulator, count: number, skip = 0): MessageListing[] {
  const list = emu.control.messages({ folder: "inbox" }).slice(skip, skip + count);
  if (list.length < count) throw new Error(`the seeded Inbox has fewer than ${count + skip} messages`);
  return list;
}

export function refOf(message: MessageListing): ItemRef {
  return { kind: "message", id: message.id, mailbox: { kind: "me" } };
}

export function targetOf(message: MessageListing): PurgeTarget {
  return {
    ref: refOf(message),
    subject: message.subject,
    from: { name: message.from.name, address: message.from.address },
    received: new Date(message.receivedDateTime),
  };
}

/** The permanentDelete requests (plain or $batch members) the emulator saw for one item, in order. */
export function deletesOf(emu: Emulator, id: string) {
  return emu.control.requests().filter((r) => r.op === "permanentDelete" && r.itemId === id);
}

export function purgedIds(emu: Emulator): string[] {
  return emu.control
    .purges()
    .map((p) => p.id)
    .sort();
}

export interface RibbonRun {
  result: PurgeResult | undefined;
  /** The notification bar's text, as Outlook would show it (150 characters at most). */
  notes: { kind: NotificationKind; text: string }[];
}

/**
 * One press of the ribbon button (runPurgeCommand) on `target`, the confirmation answering `answer` (default: a
 * yes naming what was shown), the delete going through the real Graph client to the emulator.
 */
export async function pressRibbonOn(
  target: PurgeTarget,
  client: ReturnType<typeof createGraphClient>,
  answer?: (request: ConfirmationRequest) => Promise<ConfirmationAnswer>,
): Promise<RibbonRun> {
  const notes: RibbonRun["notes"] = [];
  const result = await runPurgeCommand({
    resolveTarget: async () => target,
    currentItemId: () => target.ref.id,
    confirm: answer ?? (async (request) => ({ confirmed: true, ids: request.targets.map((t) => t.ref.id) })),
    deleteItem: async (ref, signal) => reportDelete(ref, await client.permanentDelete(ref, { signal })),
    notify: async (kind, text) => {
      notes.push({ kind, text: fitNotification(text) });
    },
  });
  return { result, notes };
}

export interface PaneRun {
  result: PurgeResult;
  /** The result bar's sentence (summarize) and each report row's sentence (summarizeItem), by item id. */
  summary: string;
  rows: Map<string, { title: string; message: string }>;
}

/** A confirmed bulk run as the pane makes it: the workflow, then the scheduler, against the emulator. */
export async function bulkPurge(targets: readonly PurgeTarget[], options: ScheduleOptions): Promise<PaneRun> {
  const purger = createPurger({
    resolveTargets: async () => [...targets],
    confirm: async (request) => ({ confirmed: true, ids: request.targets.map((t) => t.ref.id) }),
    stillSelected: async () => true,
    deleteMany: async (confirmed) => {
      const outcomes = await purgeItems(
        confirmed.map((t) => t.ref),
        options,
      );
      return confirmed.map((target) => {
        const outcome = outcomes.get(target.ref.id);
        if (outcome === undefined) throw new Error("the scheduler left an item without an outcome");
        return { target, outcome };
      });
    },
  });
  const result = await purger.run();
  const rows = new Map<string, { title: string; message: string }>();
  if (result.status === "done") {
    for (const r of result.results) {
      const s = summarizeItem(r);
      rows.set(r.target.ref.id, { title: s.title, message: s.message });
    }
  }
  return { result, summary: summarize(result).message, rows };
}

/**
 * A proxy in front of the emulator that rewrites `$batch` answers (Graph itself never sends these; a broken
 * proxy or a Graph bug might): the members still run at the emulator, only the answer the add-in reads changes.
 */
export async function batchAnswerProxy(
  emu: Emulator,
  rewrite: (answer: { responses: Record<string, unknown>[] }) => unknown,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && name !== "host" && name !== "content-length") headers[name] = value;
      }
      const upstream = await fetch(`${emu.url}${req.url ?? "/"}`, {
        method: req.method ?? "GET",
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      let text = await upstream.text();
      if ((req.url ?? "").startsWith("/v1.0/$batch") && upstream.status === 200) {
        const rewritten = rewrite(JSON.parse(text) as { responses: Record<string, unknown>[] });
        text = typeof rewritten === "string" ? rewritten : JSON.stringify(rewritten);
      }
      res.writeHead(upstream.status, {
        "content-type": upstream.headers.get("content-type") ?? "text/plain",
      });
      res.end(text);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a benchmark run reports, read from the emulator's request log, and how it is printed. */
import { availableParallelism, cpus } from "node:os";
import type { RequestLogEntry } from "../dev/emulator/server";

export const REQUEST_TIME_MS = 100;
export const CONCURRENCY = 4;

export interface RunResult {
  label: string;
  n: number;
  wallMs: number;
  /** Top-level Graph requests (a `$batch` counts once) and batch members, from the emulator's log. */
  topLevel: number;
  members: number;
  throttled: number;
  failed: number;
  /** Deleting requests: `$batch` and plain permanentDelete (reads such as the pane's re-check not counted). */
  deletes: number;
  /** Answers that send an item again: members or requests answered 424, 429, 503 or 504, and top-level 401s. */
  retries: number;
  /** Free-text diagnostics (batches, overhead per round trip, peak concurrency). */
  notes: string;
}

/** ceil(N / 4) × server time: 4 requests at a time per mailbox, each holding its slot for requestTimeMs. */
export const lowerBoundMs = (n: number) => Math.ceil(n / CONCURRENCY) * REQUEST_TIME_MS;

export function machine(): string {
  const list = cpus();
  return `${availableParallelism()} cores (${list[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}`;
}

/** Counts Graph traffic in the log (identity and control requests are not Graph). */
export function countRequests(log: readonly RequestLogEntry[]) {
  const graph = log.filter((r) => r.kind === "graph");
  const members = graph.filter((r) => r.batchMember);
  return {
    topLevel: graph.length - members.length,
    members: members.length,
    throttled: graph.filter((r) => r.status === 429).length,
    batches: graph.filter((r) => !r.batchMember && r.op === "$batch").length,
    deletes: graph.filter((r) => !r.batchMember && (r.op === "$batch" || r.op === "permanentDelete")).length,
    retries: graph.filter(
      (r) =>
        (typeof r.status === "number" && [424, 429, 503, 504].includes(r.status)) ||
        (!r.batchMember && r.status === 401),
    ).length,
  };
}

/** The most permanentDelete members the emulator ran at once (from their logged start and end). */
export function peakConcurrency(log: readonly RequestLogEntry[]): number {
  const events: [number, number][] = [];
  for (const r of log) {
    if (r.op !== "permanentDelete" || r.status !== 204 || r.endedAt === null) continue;
    events.push([Date.parse(r.startedAt), 1], [Date.parse(r.endedAt), -1]);
  }
  // Ends before starts at the same millisecond: a slot handed on is not two at once.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of events) {
    now += d;
    peak = Math.max(peak, now);
  }
  return peak;
}

export interface Target {
  label: string;
  pass: boolean;
  /** Whether a miss fails `npm run bench` (the core scheduler's targets do; the pane's are reported). */
  gating: boolean;
}

export function targetsFor(r: RunResult, gating: boolean): Target[] {
  const ratio = r.wallMs / lowerBoundMs(r.n);
  const out: Target[] = [];
  if (r.n >= 100)
    out.push({ label: `${r.label}: ratio ${ratio.toFixed(3)} ≤ 1.15`, pass: ratio <= 1.15, gating });
  if (r.n === 20)
    out.push({ label: `${r.label}: ratio ${ratio.toFixed(3)} ≤ 1.5`, pass: ratio <= 1.5, gating });
  out.push({ label: `${r.label}: ${r.failed} failed items = 0`, pass: r.failed === 0, gating });
  const allowed = Math.ceil(r.n / 20) + 4 + r.retries;
  out.push({
    label: `${r.label}: ${r.deletes} deleting requests ≤ ceil(N/20) + 4 + ${r.retries} retries = ${allowed}`,
    pass: r.deletes <= allowed,
    gating,
  });
  if (r.n <= 1000) {
    out.push({ label: `${r.label}: ${r.throttled} 429s = 0`, pass: r.throttled === 0, gating });
  }
  return out;
}

export function table(results: readonly RunResult[]): string {
  const head = [
    "run",
    "N",
    "wall ms",
    "bound ms",
    "ratio",
    "top-level req",
    "deleting req",
    "batch members",
    "429s",
    "failed",
  ];
  const rows = results.map((r) => [
    r.label,
    String(r.n),
    r.wallMs.toFixed(0),
    String(lowerBoundMs(r.n)),
    (r.wallMs / lowerBoundMs(r.n)).toFixed(3),
    String(r.topLevel),
    String(r.deletes),
    String(r.members),
    String(r.throttled),
    String(r.failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * Where the time went, from the emulator's log (wall-clock ms, same machine): start → first request, the
 * time between one top-level request's answer and the next one's arrival (client side: answer parsing,
 * scheduling, rendering, the next request's trip), and the last answer → end.
 */
export function phases(log: readonly RequestLogEntry[], startEpochMs: number, endEpochMs: number): string {
  const top = log
    .filter((r) => r.kind === "graph" && !r.batchMember && r.endedAt !== null)
    .map((r) => ({ start: Date.parse(r.startedAt), end: Date.parse(r.endedAt ?? "") }))
    .sort((a, b) => a.start - b.start);
  const first = top[0];
  const last = top.at(-1);
  if (first === undefined || last === undefined) return "no Graph requests";
  let gaps = 0;
  let server = 0;
  for (let i = 0; i < top.length; i++) {
    const r = top[i];
    if (r === undefined) continue;
    server += r.end - r.start;
    const next = top[i + 1];
    if (next !== undefined) gaps += Math.max(0, next.start - r.end);
  }
  return (
    `start → first request ${first.start - startEpochMs} ms; requests open ${server} ms in total; ` +
    `${top.length - 1} gaps between answer and next request ${gaps} ms; last answer → end ${endEpochMs - last.end} ms`
  );
}

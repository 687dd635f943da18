/**
 * The bulk scheduler against the emulator over real HTTP: purgeItems with a real Graph client, a fresh emulator
 * per N (seeded with N messages), server time REQUEST_TIME_MS per request and 4 per mailbox at once.
 */
import { performance } from "node:perf_hooks";
import { startEmulator } from "../dev/emulator/server";
import { createGraphClient } from "../src/core/graph/client";
import type { ItemRef } from "../src/core/graph/types";
import { purgeItems } from "../src/core/purge/scheduler";
import {
  CONCURRENCY,
  countRequests,
  lowerBoundMs,
  peakConcurrency,
  phases,
  REQUEST_TIME_MS,
  type RunResult,
} from "./measure";

/**
 * One untimed run first (a single delete and a batch): the first fetch and the first batch in a process pay
 * for connection setup and JIT compilation once, which is not the scheduler's cost.
 */
export async function warmUp(): Promise<void> {
  await runCore(1);
  await runCore(24);
}

export async function runCore(n: number): Promise<RunResult> {
  const emulator = await startEmulator({
    port: 0,
    https: false,
    seed: 1,
    requestTimeMs: REQUEST_TIME_MS,
    limits: { concurrencyPerMailbox: CONCURRENCY },
  });
  try {
    const added = emulator.control.addMessages({ folder: "archive", count: n, subjectPrefix: "[bench] " });
    const items: ItemRef[] = added.map((m) => ({ kind: "message", id: m.id, mailbox: { kind: "me" } }));
    const { accessToken } = emulator.control.mintToken({ scopes: ["Mail.ReadWrite"] });
    const client = createGraphClient({
      baseUrl: emulator.url,
      tokens: { getToken: async () => accessToken },
    });
    emulator.control.clearRequests();

    const startedEpoch = Date.now();
    const started = performance.now();
    const outcomes = await purgeItems(items, { client });
    const wallMs = performance.now() - started;
    const endedEpoch = Date.now();

    const log = emulator.control.requests();
    const counts = countRequests(log);
    const purged = new Set(emulator.control.purges().map((p) => p.id));
    const failed = [...outcomes.values()].filter((o) => o.status !== "purged").length;
    const missing = items.filter((i) => !purged.has(i.id)).length;
    if (missing !== failed) {
      throw new Error(`scheduler says ${failed} not purged but the emulator is missing ${missing}`);
    }
    const roundTrips = Math.max(1, counts.batches + (counts.topLevel - counts.batches));
    const overhead = wallMs - lowerBoundMs(n);
    return {
      label: `core N=${n}`,
      n,
      wallMs,
      ...counts,
      failed,
      notes:
        `${counts.batches} $batch + ${counts.topLevel - counts.batches} single requests; ` +
        `overhead ${overhead.toFixed(0)} ms = ${(overhead / roundTrips).toFixed(1)} ms per round trip; ` +
        `peak members running at once ${peakConcurrency(log)}; ${phases(log, startedEpoch, endedEpoch)}`,
    };
  } finally {
    await emulator.close();
  }
}

/**
 * Test helpers for the Graph client tests (not shipped code paths): an msw request log, a recording token
 * provider and a fake clock whose sleeps return at once and remember how long they were asked to wait.
 */
import type { TokenProvider } from "./types";

export interface LoggedRequest {
  method: string;
  url: string;
  authorization: string | null;
  clientRequestId: string | null;
  contentType: string | null;
  body: string;
}

export async function logRequest(log: LoggedRequest[], request: Request): Promise<void> {
  log.push({
    method: request.method,
    url: request.url,
    authorization: request.headers.get("authorization"),
    clientRequestId: request.headers.get("client-request-id"),
    contentType: request.headers.get("content-type"),
    body: await request.clone().text(),
  });
}

export interface RecordingTokens extends TokenProvider {
  calls: { forceRefresh: boolean }[];
}

/** "token-1" first, then a new token for every forced refresh. */
export function recordingTokens(): RecordingTokens {
  const calls: { forceRefresh: boolean }[] = [];
  let generation = 1;
  return {
    calls,
    async getToken({ forceRefresh }) {
      calls.push({ forceRefresh });
      if (forceRefresh) generation += 1;
      return `token-${generation}`;
    },
  };
}

export interface FakeClock {
  waits: number[];
  nowMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Sleeping advances the fake time by the wait, so HTTP-date Retry-After stays consistent. */
export function fakeClock(startMs = Date.UTC(2026, 10, 23, 12, 0, 0)): FakeClock {
  const clock: FakeClock = {
    waits: [],
    nowMs: startMs,
    now: () => clock.nowMs,
    sleep: async (ms) => {
      clock.waits.push(ms);
      clock.nowMs += ms;
    },
  };
  return clock;
}

export function graphError(code: string, message = "Graph says no.", innerError?: Record<string, string>) {
  return { error: { code, message, ...(innerError === undefined ? {} : { innerError }) } };
}

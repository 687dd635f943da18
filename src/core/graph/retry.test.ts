import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AbortedError,
  BACKOFF_CAP_MS,
  BACKOFF_FLOOR_MS,
  backoffDelay,
  defaultSleep,
  nextTry,
  parseRetryAfter,
  raceAbort,
  retryDelay,
} from "./retry";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("7", NOW)).toBe(7000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
  });

  it("reads the three HTTP-date forms relative to now", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Monday, 23-Nov-26 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Mon Nov 23 12:00:05 2026", NOW)).toBe(5_000);
  });

  it("gives 0 for a date in the past", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 11:59:00 GMT", NOW)).toBe(0);
  });

  it("gives undefined for missing or unreadable values", () => {
    for (const value of [
      null,
      "",
      "soon",
      "-5",
      "1.5",
      "5s",
      "2026-11-23T12:00:30Z",
      "Mon, 99 Foo 2026 12:00:30 GMT",
    ]) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeUndefined();
    }
  });
});

describe("backoffDelay", () => {
  it("doubles its ceiling from 1 s, caps at 32 s, and is never 0", () => {
    expect(backoffDelay(0, () => 0.999999)).toBe(999);
    expect(backoffDelay(1, () => 0.999999)).toBe(1999);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, () => 0.999999)).toBe(31_999);
    expect(backoffDelay(0, () => 0)).toBe(BACKOFF_FLOOR_MS);
  });

  it("stays within [floor, cap) for any draw", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, () => r);
        return (
          d >= BACKOFF_FLOOR_MS && d < BACKOFF_CAP_MS && d < Math.max(BACKOFF_FLOOR_MS + 1, 1000 * 2 ** n)
        );
      }),
    );
  });
});

describe("nextTry, the core's one retry rule", () => {
  const limits = { maxRetries: 3, maxRetryDelayMs: 60_000, random: () => 0.5 };

  it("obeys a Retry-After within the longest wait exactly, and backs off without one", () => {
    expect(nextTry(5_000, 0, limits)).toEqual({ retry: true, delayMs: 5_000 });
    expect(nextTry(60_000, 2, limits)).toEqual({ retry: true, delayMs: 60_000 });
    expect(nextTry(undefined, 2, limits)).toEqual({ retry: true, delayMs: backoffDelay(2, limits.random) });
  });

  it("gives up, never waits less, when Graph asks for longer than the longest wait", () => {
    expect(nextTry(60_001, 0, limits)).toEqual({ retry: false, retryAfterExceededMs: 60_001 });
    // Also with retries left over and with none: the too-long wait is what the person is told about.
    expect(nextTry(120_000, 3, limits)).toEqual({ retry: false, retryAfterExceededMs: 120_000 });
  });

  it("gives up once the retries are used", () => {
    expect(nextTry(1_000, 3, limits)).toEqual({ retry: false });
    expect(nextTry(undefined, 3, { ...limits, maxRetries: 0 })).toEqual({ retry: false });
  });
});

describe("abortable waiting", () => {
  it("defaultSleep rejects when the signal aborts", async () => {
    const controller = new AbortController();
    const sleeping = defaultSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortedError);
  });

  it("defaultSleep resolves after the wait", async () => {
    await expect(defaultSleep(1)).resolves.toBeUndefined();
  });

  it("raceAbort stops waiting for a promise that never settles", async () => {
    const controller = new AbortController();
    const racing = raceAbort(new Promise<never>(() => undefined), controller.signal);
    controller.abort();
    await expect(racing).rejects.toBeInstanceOf(AbortedError);
  });
});

describe("retryDelay", () => {
  it("waits a readable, positive Retry-After exactly, and backs off otherwise (never at once)", () => {
    expect(retryDelay(5000, 0, () => 0.5)).toBe(5000);
    expect(retryDelay(undefined, 2, () => 0.5)).toBe(backoffDelay(2, () => 0.5));
    expect(retryDelay(0, 0, () => 0)).toBe(BACKOFF_FLOOR_MS);
  });
});

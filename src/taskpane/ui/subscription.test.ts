import { describe, expect, it, vi } from "vitest";
import { stopOnCleanup } from "./subscription";

describe("stopOnCleanup", () => {
  it("stops a subscription that is in place when the effect is cleaned up, once", async () => {
    const stop = vi.fn();
    const cleanup = stopOnCleanup(Promise.resolve(stop));
    await Promise.resolve();
    expect(stop).not.toHaveBeenCalled();
    cleanup();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("stops a subscription that lands after the cleanup as soon as it lands", async () => {
    const stop = vi.fn();
    let land: (s: () => void) => void = () => undefined;
    const cleanup = stopOnCleanup(
      new Promise<() => void>((resolve) => {
        land = resolve;
      }),
    );
    cleanup();
    expect(stop).not.toHaveBeenCalled();
    land(stop);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it("has nothing to stop when subscribing failed, and does not throw", async () => {
    const failing = Promise.reject(new Error("no handler"));
    const cleanup = stopOnCleanup(failing);
    await failing.catch(() => undefined);
    expect(() => cleanup()).not.toThrow();
  });
});

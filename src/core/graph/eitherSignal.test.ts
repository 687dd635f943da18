import { describe, expect, it, vi } from "vitest";
import { eitherSignal } from "./signals";

/** A signal whose abort listeners are counted: added minus removed. */
function counted() {
  const controller = new AbortController();
  const added = vi.spyOn(controller.signal, "addEventListener");
  const removed = vi.spyOn(controller.signal, "removeEventListener");
  const live = () => {
    const on = new Set(added.mock.calls.filter(([type]) => type === "abort").map(([, listener]) => listener));
    for (const [type, listener] of removed.mock.calls) if (type === "abort") on.delete(listener);
    return on.size;
  };
  return { controller, signal: controller.signal, live };
}

describe("eitherSignal", () => {
  it("aborts when either signal does", () => {
    const a = new AbortController();
    const b = new AbortController();
    const one = eitherSignal(a.signal, b.signal);
    const two = eitherSignal(a.signal, b.signal);
    b.abort();
    expect(one.signal?.aborted).toBe(true);
    expect(two.signal?.aborted).toBe(true);
    expect(eitherSignal(undefined, a.signal).signal).toBe(a.signal);
    expect(eitherSignal(b.signal, new AbortController().signal).signal?.aborted).toBe(true);
  });

  it("leaves no listener on a run's signal once each wait is done, however many waits there were", () => {
    const run = counted();
    const call = new AbortController();
    for (let i = 0; i < 100; i++) eitherSignal(call.signal, run.signal).done();
    expect(run.live()).toBe(0);
    // While a wait is on, its listener is there, and an abort reaches it.
    const wait = eitherSignal(call.signal, run.signal);
    expect(run.live()).toBe(1);
    run.controller.abort();
    expect(wait.signal?.aborted).toBe(true);
    wait.done();
    expect(run.live()).toBe(0);
  });
});

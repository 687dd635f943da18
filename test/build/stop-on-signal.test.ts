import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { type SignalTarget, stopOnSignal } from "../../tools/stop-on-signal";

/** A process stand-in: signals are emitted by the test; exit codes and stderr are recorded. */
function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const errors: string[] = [];
  const target: SignalTarget = {
    on: (signal, listener) => events.on(signal, listener),
    exit: (code) => {
      exits.push(code);
    },
    stderr: { write: (text) => errors.push(text) },
  };
  return { target, exits, errors, send: (signal: "SIGINT" | "SIGTERM") => events.emit(signal) };
}

const settle = () => new Promise((done) => setImmediate(done));

describe("stopOnSignal", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`closes on ${signal}, then exits 0`, async () => {
      const proc = fakeProcess();
      let release!: () => void;
      let closes = 0;
      stopOnSignal(() => {
        closes++;
        return new Promise<void>((done) => {
          release = done;
        });
      }, proc.target);

      proc.send(signal);
      await settle();
      expect(closes).toBe(1);
      expect(proc.exits).toEqual([]); // not before the servers have closed

      release();
      await settle();
      expect(proc.exits).toEqual([0]);
    });
  }

  it("closes once when a second signal comes while closing", async () => {
    const proc = fakeProcess();
    let closes = 0;
    let release!: () => void;
    stopOnSignal(() => {
      closes++;
      return new Promise<void>((done) => {
        release = done;
      });
    }, proc.target);

    proc.send("SIGINT");
    proc.send("SIGTERM");
    proc.send("SIGINT");
    release();
    await settle();
    expect(closes).toBe(1);
    expect(proc.exits).toEqual([0]);
  });

  it("reports a close that fails and exits 1", async () => {
    const proc = fakeProcess();
    stopOnSignal(() => Promise.reject(new Error("port 3000 still bound")), proc.target);

    proc.send("SIGTERM");
    await settle();
    expect(proc.exits).toEqual([1]);
    expect(proc.errors.join("")).toContain("port 3000 still bound");
  });

  it("does nothing until a signal comes", async () => {
    const proc = fakeProcess();
    let closes = 0;
    stopOnSignal(async () => {
      closes++;
    }, proc.target);
    await settle();
    expect(closes).toBe(0);
    expect(proc.exits).toEqual([]);
  });
});

/**
 * How `npm start` and `npm run start:outlook` end: on Ctrl+C (SIGINT) or SIGTERM they close what they started and
 * exit 0. A second signal while closing changes nothing; a close that fails is reported and exits 1, so a port left
 * open doesn't pass for a clean stop.
 */

/** The part of `process` this needs, so a test can hand in its own. */
export interface SignalTarget {
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): void;
  stderr: { write(text: string): unknown };
}

export function stopOnSignal(close: () => Promise<void>, target: SignalTarget = process): void {
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await close();
    } catch (error: unknown) {
      target.stderr.write(`stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
      target.exit(1);
      return;
    }
    target.exit(0);
  };
  target.on("SIGINT", () => void stop());
  target.on("SIGTERM", () => void stop());
}

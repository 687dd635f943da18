/**
 * Outlook's limit of 4 requests at once per app and mailbox, shared by every Graph client a page makes for that
 * mailbox: the folder list, the well-known folder checks, a folder's message pages and a purge's `$batch` come from
 * different parts of the pane and would otherwise add up past 4 (the emulator answers a fifth 429, as Graph does;
 * test/e2e/folder.e2e.ts opens a folder that needs all of them). A request takes its slots before it is sent and gives them back when its answer is in; a `$batch` takes
 * one slot per member that can run at once (see batchSlots). First come, first served.
 */
import { batchShape } from "./batch";

export interface Gate {
  /** Waits for `slots` free slots (at most the capacity); rejects if `signal` aborts first. Returns the release. */
  acquire(slots: number, signal?: AbortSignal): Promise<() => void>;
  /** Slots in use now (tests). */
  readonly inUse: number;
}

export const MAILBOX_CONCURRENCY = 4;

export function createGate(capacity = MAILBOX_CONCURRENCY): Gate {
  let inUse = 0;
  const waiting: { slots: number; grant: () => void }[] = [];

  const pump = () => {
    // Strict order: a large request at the head is not overtaken by small ones behind it.
    for (let head = waiting[0]; head !== undefined && inUse + head.slots <= capacity; head = waiting[0]) {
      waiting.shift();
      inUse += head.slots;
      head.grant();
    }
  };

  return {
    get inUse() {
      return inUse;
    },
    acquire(requested, signal) {
      const slots = Math.min(capacity, Math.max(1, Math.floor(requested)));
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          inUse -= slots;
          pump();
        };
        const entry = {
          slots,
          grant: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(release);
          },
        };
        const onAbort = () => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason);
          pump();
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiting.push(entry);
        pump();
      });
    },
  };
}

/**
 * How many slots a `$batch` holds while it runs: a fully sequential one runs one member at a time (one slot); a
 * parallel one runs every member at once (one slot each, at most the capacity).
 */
export function batchSlots(requests: readonly { id: string; dependsOn?: readonly string[] }[]): number {
  const shape = batchShape(requests);
  return shape === "sequential" ? 1 : Math.min(MAILBOX_CONCURRENCY, Math.max(1, requests.length));
}

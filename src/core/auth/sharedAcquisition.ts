/**
 * Requests for the same token at the same time share one acquisition: a bulk run's 4 lanes start (and meet a 401)
 * together, and must not open 4 sign-in windows or send the host 4 bridge requests (MSAL refuses a second
 * interactive call while one runs: interaction_in_progress).
 *
 * Each caller may cancel its own wait. The acquisition itself (a sign-in window) is aborted only when every
 * caller waiting for it has cancelled; a caller without a signal can't cancel, so it keeps the acquisition going.
 */
import { AUTH_MESSAGES, AuthError } from "./errors";

/** One acquisition and who waits for it. */
interface Shared {
  promise: Promise<string>;
  /** Aborts the acquisition (closes a sign-in window) once no caller is left waiting for it. */
  controller: AbortController;
  /** Callers with a signal still waiting. */
  waiting: number;
  /** A caller without a signal joined: it can't cancel, so the acquisition runs to its end. */
  keepOpen: boolean;
}

export function cancelledWait(): AuthError {
  return new AuthError("cancelled", AUTH_MESSAGES.cancelled);
}

export class SharedAcquisitions {
  private readonly pending = new Map<string, Shared>();

  /**
   * The token of the acquisition running under `key`, or of a new one that `start` begins with a signal of its
   * own. Rejects with "cancelled" at once when `signal` aborts.
   */
  join(
    key: string,
    signal: AbortSignal | undefined,
    start: (signal: AbortSignal) => Promise<string>,
  ): Promise<string> {
    if (signal?.aborted) return Promise.reject(cancelledWait());
    let shared = this.pending.get(key);
    // An acquisition everyone stopped waiting for is ending: a new caller starts afresh.
    if (shared === undefined || shared.controller.signal.aborted) shared = this.begin(key, start);
    return waitFor(shared, signal);
  }

  private begin(key: string, start: (signal: AbortSignal) => Promise<string>): Shared {
    const controller = new AbortController();
    const entry: Shared = { controller, waiting: 0, keepOpen: false, promise: Promise.resolve("") };
    entry.promise = start(controller.signal).finally(() => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    });
    this.pending.set(key, entry);
    return entry;
  }
}

function waitFor(shared: Shared, signal: AbortSignal | undefined): Promise<string> {
  if (signal === undefined) {
    shared.keepOpen = true;
    return shared.promise;
  }
  shared.waiting += 1;
  return new Promise<string>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      if (done) return;
      done = true;
      shared.waiting -= 1;
      if (shared.waiting === 0 && !shared.keepOpen) shared.controller.abort();
      reject(cancelledWait());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    shared.promise.then(
      (token) => {
        signal.removeEventListener("abort", onAbort);
        if (done) return;
        done = true;
        shared.waiting -= 1;
        resolve(token);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        if (done) return;
        done = true;
        shared.waiting -= 1;
        reject(error);
      },
    );
  });
}

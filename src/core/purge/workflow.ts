/**
 * The purge workflow, the same for the task pane and the ribbon command:
 *   resolve targets (fresh) -> confirm -> check nothing changed -> delete -> report.
 *
 * Collaborators come in as arguments, so it runs without a host in tests. Safety rules it enforces:
 * - nothing is sent before a "yes", and a "yes" counts only for the exact set of IDs it was shown;
 * - if the selection changed while the confirmation was open, the confirmation is void and nothing is sent;
 * - a second start while one run is going does nothing (no second request);
 * - cancel() works from the moment of the "yes": during the re-check nothing is sent at all, later nothing new;
 * - every target ends with exactly one result, and only a 204 from Graph reads as purged.
 */
import { AuthError } from "../auth/errors";
import type { ItemRef } from "../graph/types";
import { t } from "../i18n";
import type {
  ConfirmationAnswer,
  ConfirmationRequest,
  DeleteReport,
  ItemResult,
  PurgeResult,
  PurgeTarget,
} from "./types";

interface PurgeSteps {
  /** Reads what is selected now. Throws a typed error when there is nothing to purge. */
  resolveTargets(): Promise<PurgeTarget[]>;
  /** Shows the confirmation and waits for the person's answer. */
  confirm(request: ConfirmationRequest): Promise<ConfirmationAnswer>;
  /**
   * After the answer: is what was confirmed still what Outlook has selected? `false` voids the confirmation with
   * the standard sentence; a string voids it with that sentence.
   */
  stillSelected(targets: readonly PurgeTarget[]): Promise<boolean | string>;
  /** Called after each item, for progress displays (one-by-one deletion only). */
  onProgress?(done: number, total: number): void;
}

/** Deletion, one of two ways: item by item, or all at once through the bulk scheduler. */
type Deleter =
  | {
      /** Deletes one item. Throws AuthError when no token can be had; HTTP outcomes are returned, not thrown. */
      deleteItem(ref: ItemRef): Promise<DeleteReport>;
    }
  | {
      /**
       * Deletes all confirmed targets; resolves with exactly one result per target. Throws AuthError only when
       * nothing could be sent. `signal` is the run's cancel: nothing new may be sent once it aborts.
       */
      deleteMany(targets: readonly PurgeTarget[], signal: AbortSignal): Promise<ItemResult[]>;
    };

export type PurgeDeps = PurgeSteps & Deleter;

/** The workflow's own sentences, in the active language (getters: read when a result is built). */
export const PURGE_MESSAGES = {
  get cancelled() {
    return t("common.nothingDeleted");
  },
  get changed() {
    return t("purge.changed");
  },
  get mismatch() {
    return t("purge.mismatch");
  },
  get notAttempted() {
    return t("purge.notAttempted");
  },
};

/**
 * True when the answer names exactly the shown IDs: same set, no extras, no duplicates. Nothing shown is never
 * a match: an empty "yes" confirms nothing.
 */
export function answerMatches(answer: readonly string[], shown: readonly PurgeTarget[]): boolean {
  if (shown.length === 0 || answer.length !== shown.length) return false;
  const expected = new Set(shown.map((t) => t.ref.id));
  const seen = new Set<string>();
  for (const id of answer) {
    if (!expected.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

export interface Purger {
  run(): Promise<PurgeResult>;
  /** Stops the run after its "yes": nothing new is sent; what is on its way finishes and is reported. */
  cancel(): void;
  readonly running: boolean;
}

export function createPurger(deps: PurgeDeps): Purger {
  let running = false;
  // The current run's cancel, created at its "yes" (a cancel before that has nothing to stop).
  let cancelled: AbortController | undefined;

  async function deleteConfirmed(
    targets: readonly PurgeTarget[],
    signal: AbortSignal,
  ): Promise<ItemResult[]> {
    if ("deleteMany" in deps) return deps.deleteMany(targets, signal);
    const deleteItem = deps.deleteItem;
    const results: ItemResult[] = [];
    let stop: AuthError | undefined;
    for (const target of targets) {
      if (stop) {
        results.push({ target, outcome: { status: "not-attempted", message: PURGE_MESSAGES.notAttempted } });
        continue;
      }
      if (signal.aborted) {
        results.push({
          target,
          outcome: { status: "not-attempted", message: t("graph.cancelledBeforeItem") },
        });
        continue;
      }
      try {
        results.push({ target, outcome: await deleteItem(target.ref) });
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        // No token: nothing more can be sent. Report this item and the rest as not attempted. (A deleter whose
        // send may have deleted before the sign-in failed returns that as an outcome instead: graph/client.ts.)
        stop = error;
        results.push({ target, outcome: { status: "not-attempted", message: error.message } });
      }
      deps.onProgress?.(results.length, targets.length);
    }
    if (stop && results.every((r) => r.outcome.status === "not-attempted")) throw stop;
    return results;
  }

  return {
    get running() {
      return running;
    },
    cancel() {
      cancelled?.abort();
    },
    async run() {
      if (running) return { status: "busy" };
      running = true;
      try {
        const targets = await deps.resolveTargets();
        const answer = await deps.confirm({ targets });
        if (!answer.confirmed) return { status: "cancelled", message: PURGE_MESSAGES.cancelled };
        if (!answerMatches(answer.ids, targets))
          return { status: "voided", message: PURGE_MESSAGES.mismatch };
        const controller = new AbortController();
        cancelled = controller;
        const still = await deps.stillSelected(targets);
        if (still !== true) {
          return { status: "voided", message: still === false ? PURGE_MESSAGES.changed : still };
        }
        if (controller.signal.aborted) {
          // Cancelled during the re-check: nothing was sent, and nothing will be.
          const outcome = { status: "not-attempted", message: t("graph.cancelledBeforeItem") } as const;
          return { status: "done", results: targets.map((target) => ({ target, outcome })) };
        }
        return { status: "done", results: await deleteConfirmed(targets, controller.signal) };
      } finally {
        running = false;
        cancelled = undefined;
      }
    },
  };
}

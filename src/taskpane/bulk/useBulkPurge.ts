/**
 * One bulk run at a time: confirm (bound to the exact targets shown), check that nothing changed, purge through
 * the scheduler with progress and cancel, then keep the per-item results for the report. The safety rules are the
 * core workflow's (createPurger); this hook supplies the dialog, the change check and the scheduler.
 */
import {
  type Dispatch,
  type SetStateAction,
  startTransition,
  useCallback,
  useMemo,
  useRef,
  useState,
} from "react";
import { t } from "../../core/i18n";
import { summarizeFailure } from "../../core/purge/failures";
import { type Summary, summarize } from "../../core/purge/report";
import type { ConfirmationAnswer, ItemResult, PurgeTarget } from "../../core/purge/types";
import { createPurger, type Purger } from "../../core/purge/workflow";
import type { BulkConfirmRequest } from "./BulkConfirmDialog";
import type { BulkDeps, BulkProgress } from "./bulkDeps";

export interface BulkJob {
  targets: readonly PurgeTarget[];
  scope: string;
  /** After the "yes": true if nothing changed; false or a sentence voids the confirmation. */
  stillValid(): Promise<boolean | string>;
}

export type BulkPhase =
  | { kind: "idle" }
  | { kind: "confirming"; request: BulkConfirmRequest }
  | { kind: "running"; progress: BulkProgress; cancelling: boolean }
  | { kind: "finished"; summary: Summary; results: ItemResult[] };

export interface BulkModel {
  phase: BulkPhase;
  start(job: BulkJob): void;
  answer(confirmed: boolean): void;
  cancel(): void;
  reset(): void;
}

function emptyProgress(total: number): BulkProgress {
  return { total, purged: 0, alreadyGone: 0, failed: 0, notAttempted: 0, left: total, etaMs: undefined };
}

/** The open confirmation: how to answer it, and the exact IDs it shows (a "yes" names exactly these). */
interface OpenConfirmation {
  resolve(answer: ConfirmationAnswer): void;
  ids: string[];
}
type Pending = { current: OpenConfirmation | undefined };

/**
 * The bulk workflow: the job's targets, the confirmation (`pending` holds its answer), the job's own change check,
 * and the scheduler with progress.
 */
function createBulkPurger(
  bulk: BulkDeps | undefined,
  job: { current: BulkJob | undefined },
  pending: Pending,
  setPhase: Dispatch<SetStateAction<BulkPhase>>,
): Purger {
  return createPurger({
    resolveTargets: async () => [...(job.current?.targets ?? [])],
    confirm: ({ targets }) =>
      new Promise<ConfirmationAnswer>((resolve) => {
        pending.current = { resolve, ids: targets.map((t) => t.ref.id) };
        setPhase({ kind: "confirming", request: { targets, scope: job.current?.scope ?? "" } });
      }),
    stillSelected: () => job.current?.stillValid() ?? Promise.resolve(false),
    deleteMany: async (targets, signal) => {
      if (!bulk) throw new Error(t("bulk.unavailable"));
      // Running since the "yes" (answer): keep a Cancel already pressed.
      setPhase((p) =>
        p.kind === "running"
          ? p
          : { kind: "running", progress: emptyProgress(targets.length), cancelling: false },
      );
      return bulk.purge(targets, {
        signal,
        onProgress: (progress) => setPhase((p) => (p.kind === "running" ? { ...p, progress } : p)),
      });
    },
  });
}

export function useBulkPurge(bulk: BulkDeps | undefined): BulkModel {
  const [phase, setPhase] = useState<BulkPhase>({ kind: "idle" });
  const pending = useRef<OpenConfirmation | undefined>(undefined);
  const job = useRef<BulkJob | undefined>(undefined);
  const purger = useMemo(() => createBulkPurger(bulk, job, pending, setPhase), [bulk]);

  const start = useCallback(
    (next: BulkJob) => {
      if (purger.running || next.targets.length === 0) return;
      job.current = next;
      purger
        .run()
        .then((result) => {
          if (result.status === "busy") return;
          setPhase({
            kind: "finished",
            summary: summarize(result),
            results: result.status === "done" ? result.results : [],
          });
        })
        .catch((error: unknown) =>
          setPhase({ kind: "finished", summary: summarizeFailure(error), results: [] }),
        )
        .finally(() => {
          pending.current = undefined;
        });
    },
    [purger],
  );

  const answer = useCallback((confirmed: boolean) => {
    const p = pending.current;
    if (!p) return;
    pending.current = undefined;
    // The answer goes to the workflow first, so its re-check of Outlook's selection is under way while React
    // redraws the pane (a transition: after the workflow's next step has started, not before it). A "yes" still
    // goes straight to the running state: nothing else (such as the folder list refreshing) may start Graph
    // reads in between and use up Outlook's 4 concurrent requests.
    p.resolve(confirmed ? { confirmed: true, ids: p.ids } : { confirmed: false, reason: "cancelled" });
    startTransition(() =>
      setPhase(
        confirmed
          ? { kind: "running", progress: emptyProgress(p.ids.length), cancelling: false }
          : { kind: "idle" },
      ),
    );
  }, []);

  const cancel = useCallback(() => {
    purger.cancel();
    setPhase((p) => (p.kind === "running" ? { ...p, cancelling: true } : p));
  }, [purger]);

  const reset = useCallback(() => {
    if (!purger.running) setPhase({ kind: "idle" });
  }, [purger]);

  return { phase, start, answer, cancel, reset };
}

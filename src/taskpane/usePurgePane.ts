/**
 * The task pane's state: the current item, sign-in, the confirmation and the result. The purge itself is the
 * core workflow; this hook supplies its collaborators (the pane's own confirmation dialog, a fresh re-read of the
 * item, Graph) and turns every outcome into something to show.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AuthError } from "../core/auth/errors";
import { OperationUnavailableError, requireAvailableFor } from "../core/cloud";
import type { GraphProblem } from "../core/graph/types";
import { t } from "../core/i18n";
import type { CurrentItem } from "../core/office/item";
import { DeleteNotAllowedError } from "../core/office/shared";
import { type Summary, summarize, summarizeError } from "../core/purge/report";
import { itemToTarget } from "../core/purge/targets";
import type { ConfirmationAnswer, PurgeTarget } from "../core/purge/types";
import { createPurger } from "../core/purge/workflow";
import type { PaneDeps } from "./paneDeps";

export type ItemView =
  | { status: "loading" }
  | { status: "ready"; item: CurrentItem }
  | { status: "unavailable"; summary: Summary };

export type SignInView =
  | { status: "unknown" }
  | { status: "ok" }
  | { status: "needed"; summary: Summary; canSignIn: boolean };

export interface ResultView {
  summary: Summary;
  problem?: GraphProblem | undefined;
}

export interface PaneModel {
  item: ItemView;
  signIn: SignInView;
  /** The item shown in the open confirmation, if one is open. */
  confirming: PurgeTarget | undefined;
  deleting: boolean;
  result: ResultView | undefined;
  /** IDs this pane has purged or found missing: Outlook may still show them for a moment. */
  settled: ReadonlySet<string>;
  startDelete(): void;
  answer(confirmed: boolean): void;
  requestSignIn(): void;
  dismissResult(): void;
}

/** Refusals made before anything was sent (delegate rights, the item's cloud) read as themselves. */
function describeError(error: unknown): Summary {
  if (error instanceof DeleteNotAllowedError) {
    return { tone: "warning", title: t("purge.title.cantDeleteHere"), message: error.message };
  }
  if (error instanceof OperationUnavailableError) {
    return { tone: "warning", title: t("purge.title.notInCloud"), message: error.message };
  }
  return summarizeError(error);
}

export function usePurgePane(deps: PaneDeps): PaneModel {
  const [item, setItem] = useState<ItemView>({ status: "loading" });
  const [signIn, setSignIn] = useState<SignInView>({ status: "unknown" });
  const [confirming, setConfirming] = useState<PurgeTarget | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [result, setResult] = useState<ResultView | undefined>();
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  // The open confirmation: how to answer it, and the exact IDs it shows (a "yes" names exactly these).
  const pendingAnswer = useRef<{ resolve: (answer: ConfirmationAnswer) => void; ids: string[] } | undefined>(
    undefined,
  );
  const changedWhileConfirming = useRef(false);

  const refresh = useCallback(async () => {
    try {
      setItem({ status: "ready", item: await deps.readItem() });
    } catch (error) {
      setItem({ status: "unavailable", summary: summarizeError(error) });
    }
  }, [deps]);

  const noteAuthFailure = useCallback((error: unknown) => {
    if (error instanceof AuthError) {
      setSignIn({ status: "needed", summary: summarizeError(error), canSignIn: error.canSignIn });
      return true;
    }
    return false;
  }, []);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let disposed = false;
    void refresh();
    deps
      .watchItem(() => {
        if (pendingAnswer.current) changedWhileConfirming.current = true;
        setResult(undefined);
        void refresh();
      })
      .then((s) => {
        if (disposed) s();
        else stop = s;
      })
      .catch(() => undefined);
    if (!deps.configProblem && !deps.unavailable) {
      deps.checkSignIn().then(
        () => setSignIn({ status: "ok" }),
        (error: unknown) => {
          if (!noteAuthFailure(error)) setSignIn({ status: "unknown" });
        },
      );
    }
    return () => {
      disposed = true;
      stop?.();
    };
  }, [deps, refresh, noteAuthFailure]);

  const purger = useMemo(
    () =>
      createPurger({
        // Re-read at the press: never act on an item cached from an earlier event.
        resolveTargets: async () => {
          // A click: whose mailbox it is may now be asked of Graph, signing in if needed.
          const item = await deps.readItem({ interactive: true });
          // The button isn't offered for these; a press that raced a change of item still stops here.
          if (item.refusal) throw new DeleteNotAllowedError(item.refusal.message, item.refusal.short);
          requireAvailableFor(item.access?.targetRestUrl, item.kind === "event" ? "event" : "message");
          return [itemToTarget(item)];
        },
        confirm: ({ targets }) =>
          new Promise<ConfirmationAnswer>((resolve) => {
            changedWhileConfirming.current = false;
            pendingAnswer.current = { resolve, ids: targets.map((t) => t.ref.id) };
            setConfirming(targets[0]);
          }),
        stillSelected: async (targets) => {
          if (changedWhileConfirming.current) return false;
          try {
            const now = await deps.readItem();
            return targets.length === 1 && targets[0]?.ref.id === now.restId;
          } catch {
            return false;
          }
        },
        deleteItem: (ref) => deps.deleteItem(ref),
      }),
    [deps],
  );

  const startDelete = useCallback(() => {
    if (purger.running) return;
    setResult(undefined);
    const run = purger.run();
    run
      .then((outcome) => {
        if (outcome.status === "busy") return;
        const first = outcome.status === "done" ? outcome.results[0]?.outcome : undefined;
        setResult({
          summary: summarize(outcome),
          problem: first?.status === "failed" ? first.problem : undefined,
        });
        if (outcome.status === "done") {
          setSignIn({ status: "ok" });
          const gone = outcome.results
            .filter((r) => r.outcome.status === "purged" || r.outcome.status === "already-gone")
            .map((r) => r.target.ref.id);
          if (gone.length > 0) setSettled((previous) => new Set([...previous, ...gone]));
        }
      })
      .catch((error: unknown) => {
        // A sign-in problem is shown once, by the sign-in bar with its button; a result bar would repeat it.
        if (!noteAuthFailure(error)) setResult({ summary: describeError(error) });
      })
      .finally(() => {
        setDeleting(false);
        setConfirming(undefined);
        pendingAnswer.current = undefined;
        void refresh();
      });
  }, [purger, refresh, noteAuthFailure]);

  const answer = useCallback((confirmed: boolean) => {
    const pending = pendingAnswer.current;
    if (!pending) return;
    pendingAnswer.current = undefined;
    setConfirming(undefined);
    if (confirmed) {
      setDeleting(true);
      pending.resolve({ confirmed: true, ids: pending.ids });
    } else {
      pending.resolve({ confirmed: false, reason: "cancelled" });
    }
  }, []);

  const requestSignIn = useCallback(() => {
    deps.signIn().then(
      () => {
        setSignIn({ status: "ok" });
        // Signed in now: whose mailbox the item is in may only now be known (shared.ts, "unresolved").
        void refresh();
      },
      (error: unknown) => {
        if (!noteAuthFailure(error)) setResult({ summary: summarizeError(error) });
      },
    );
  }, [deps, noteAuthFailure, refresh]);

  return {
    item,
    signIn,
    confirming,
    deleting,
    result,
    settled,
    startDelete,
    answer,
    requestSignIn,
    dismissResult: () => setResult(undefined),
  };
}

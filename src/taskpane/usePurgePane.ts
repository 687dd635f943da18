/**
 * The task pane's state: the current item, sign-in, the confirmation and the result. The purge itself is the
 * core workflow; this hook supplies its collaborators (the pane's own confirmation dialog, a fresh re-read of the
 * item, Graph) and turns every outcome into something to show.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AuthError } from "../core/auth/errors";
import { requireAvailableFor } from "../core/cloud";
import type { CurrentItem } from "../core/office/item";
import { DeleteNotAllowedError } from "../core/office/shared";
import { type Summary, summarizeError } from "../core/purge/report";
import { itemToTarget } from "../core/purge/targets";
import type { ConfirmationAnswer, PurgeTarget } from "../core/purge/types";
import { createPurger, type Purger } from "../core/purge/workflow";
import type { PaneDeps } from "./paneDeps";
import { describeError, type ResultView, resultView, settledIds } from "./paneResult";
import { stopOnCleanup } from "./ui/subscription";

export type { ResultView } from "./paneResult";

interface OpenConfirmation {
  resolve(answer: ConfirmationAnswer): void;
  ids: string[];
}

export type ItemView =
  | { status: "loading" }
  | { status: "ready"; item: CurrentItem }
  | { status: "unavailable"; summary: Summary };

export type SignInView =
  | { status: "unknown" }
  | { status: "ok" }
  | { status: "needed"; summary: Summary; canSignIn: boolean };

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

/**
 * `[item, refresh]`: the current item, read on mount and again whenever Outlook's item changes (`onChange` is told
 * first), and a fresh read on demand.
 */
function useCurrentItem(deps: PaneDeps, onChange: () => void): [ItemView, () => Promise<void>] {
  const [item, setItem] = useState<ItemView>({ status: "loading" });
  const refresh = useCallback(async () => {
    try {
      setItem({ status: "ready", item: await deps.readItem() });
    } catch (error) {
      setItem({ status: "unavailable", summary: summarizeError(error) });
    }
  }, [deps]);

  useEffect(() => {
    void refresh();
    return stopOnCleanup(
      deps.watchItem(() => {
        onChange();
        void refresh();
      }),
    );
  }, [deps, refresh, onChange]);
  return [item, refresh];
}

/**
 * `[signIn, setSignIn, noteAuthFailure]`: whether a token can be had, checked silently on mount where Graph is
 * configured and available here.
 */
function useSignInState(deps: PaneDeps) {
  const [signIn, setSignIn] = useState<SignInView>({ status: "unknown" });
  /** A sign-in problem goes to the sign-in bar (with its button); true when `error` was one. */
  const noteAuthFailure = useCallback((error: unknown) => {
    if (error instanceof AuthError) {
      setSignIn({ status: "needed", summary: summarizeError(error), canSignIn: error.canSignIn });
      return true;
    }
    return false;
  }, []);

  useEffect(() => {
    if (deps.configProblem || deps.unavailable) return;
    deps.checkSignIn().then(
      () => setSignIn({ status: "ok" }),
      (error: unknown) => {
        if (!noteAuthFailure(error)) setSignIn({ status: "unknown" });
      },
    );
  }, [deps, noteAuthFailure]);
  return [signIn, setSignIn, noteAuthFailure] as const;
}

/**
 * The single-item workflow: the item re-read at the press, the pane's confirmation (`show` opens it), void if
 * Outlook's item changed while it was open (`changedWhileOpen`) or is no longer the one confirmed.
 */
function createPanePurger(
  deps: PaneDeps,
  pending: { current: OpenConfirmation | undefined },
  show: (target: PurgeTarget | undefined) => void,
  changedWhileOpen: { current: boolean },
): Purger {
  return createPurger({
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
        changedWhileOpen.current = false;
        pending.current = { resolve, ids: targets.map((t) => t.ref.id) };
        show(targets[0]);
      }),
    stillSelected: async (targets) => {
      if (changedWhileOpen.current) return false;
      try {
        const now = await deps.readItem();
        return targets.length === 1 && targets[0]?.ref.id === now.restId;
      } catch {
        return false;
      }
    },
    deleteItem: (ref) => deps.deleteItem(ref),
  });
}

export function usePurgePane(deps: PaneDeps): PaneModel {
  const [confirming, setConfirming] = useState<PurgeTarget | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [result, setResult] = useState<ResultView | undefined>();
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  // The open confirmation: how to answer it, and the exact IDs it shows (a "yes" names exactly these).
  const pending = useRef<OpenConfirmation | undefined>(undefined);
  const changedWhileOpen = useRef(false);
  const itemChanged = useCallback(() => {
    if (pending.current) changedWhileOpen.current = true;
    setResult(undefined);
  }, []);
  const [item, refresh] = useCurrentItem(deps, itemChanged);
  const [signIn, setSignIn, noteAuthFailure] = useSignInState(deps);
  const purger = useMemo(() => createPanePurger(deps, pending, setConfirming, changedWhileOpen), [deps]);

  const startDelete = useCallback(() => {
    if (purger.running) return;
    setResult(undefined);
    purger
      .run()
      .then((outcome) => {
        if (outcome.status === "busy") return;
        setResult(resultView(outcome));
        if (outcome.status !== "done") return;
        setSignIn({ status: "ok" });
        const gone = settledIds(outcome.results);
        if (gone.length > 0) setSettled((previous) => new Set([...previous, ...gone]));
      })
      .catch((error: unknown) => {
        // A sign-in problem is shown once, by the sign-in bar with its button; a result bar would repeat it.
        if (!noteAuthFailure(error)) setResult({ summary: describeError(error) });
      })
      .finally(() => {
        setDeleting(false);
        setConfirming(undefined);
        pending.current = undefined;
        void refresh();
      });
  }, [purger, refresh, noteAuthFailure, setSignIn]);

  const answer = useCallback((confirmed: boolean) => {
    const open = pending.current;
    if (!open) return;
    pending.current = undefined;
    setConfirming(undefined);
    if (confirmed) setDeleting(true);
    open.resolve(confirmed ? { confirmed: true, ids: open.ids } : { confirmed: false, reason: "cancelled" });
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
  }, [deps, noteAuthFailure, refresh, setSignIn]);

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

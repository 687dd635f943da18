/**
 * The Contacts view's door. Its Graph actions are created when the person opens it (the first time the add-in asks
 * for Contacts.ReadWrite). Contacts go through the same confirmation, scheduler and report as mail, but with the
 * Contacts.ReadWrite client: `routed` sends a job of contacts to it. Runs never overlap (one model), so mail and
 * contacts share the ledger.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { t } from "../../core/i18n";
import type { ContactActions } from "../../core/purge/contacts";
import { summarizeFailure } from "../../core/purge/failures";
import type { Summary } from "../../core/purge/report";
import type { BulkDeps } from "./bulkDeps";

export type ContactsDoor =
  | { status: "closed" }
  | { status: "loading" }
  | { status: "open"; actions: ContactActions };

/** `onProblem` clears the area's problem when the view is asked for, and sets it when its actions can't be had. */
export function useContacts(bulk: BulkDeps, onProblem: (summary: Summary | undefined) => void) {
  const actions = useRef<ContactActions | undefined>(undefined);
  const routed = useMemo<BulkDeps>(
    () => ({
      ...bulk,
      purge: (targets, options) => {
        const contacts = targets.filter((target) => target.ref.kind === "contact").length;
        if (contacts === 0) return bulk.purge(targets, options);
        const open = actions.current;
        if (contacts !== targets.length || !open) return Promise.reject(new Error(t("bulk.mixedRun")));
        return open.purge(targets, options);
      },
    }),
    [bulk],
  );
  const [door, setDoor] = useState<ContactsDoor>({ status: "closed" });
  const close = useCallback(() => setDoor({ status: "closed" }), []);
  const open = () => {
    const load = bulk.contacts;
    if (!load) return;
    onProblem(undefined);
    setDoor({ status: "loading" });
    load().then(
      (loaded) => {
        actions.current = loaded;
        setDoor({ status: "open", actions: loaded });
      },
      (error: unknown) => {
        setDoor({ status: "closed" });
        onProblem(summarizeFailure(error));
      },
    );
  };
  return { routed, door, open, close };
}

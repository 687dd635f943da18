/**
 * Several messages selected in Outlook (Mailbox 1.13). Every selected ID is checked with Graph before it is
 * listed; entries that don't resolve are shown as left out, with why. A collapsed conversation can pull in messages
 * from other folders (Sent Items too): those start unticked and are labelled, so they go only if ticked.
 */
import { Button, Caption1, Checkbox, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ResolvedSelection } from "../../core/purge/mailData";
import { type Summary, summarizeError } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import { displaySender, displaySubject, formatReceived } from "../format";
import { Busy } from "../ui/Busy";
import type { BulkDeps } from "./bulkDeps";
import type { BulkJob } from "./useBulkPurge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, maxHeight: "300px", overflow: "auto" },
  meta: { color: tokens.colorNeutralForeground2, display: "block", overflowWrap: "anywhere" },
  label: { overflowWrap: "anywhere" },
});

export const SELECTION_CHANGED =
  "The selection in Outlook changed while you were confirming, so nothing was deleted. Check the list and try again.";

function key(ids: Iterable<string>): string {
  return [...ids].sort().join("\n");
}

/** The folder most of the selection is in: Outlook's multi-select is within one folder, except conversations. */
function mainFolder(targets: readonly PurgeTarget[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of targets) if (t.folderName) counts.set(t.folderName, (counts.get(t.folderName) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface SelectionViewProps {
  bulk: BulkDeps;
  locale?: string | undefined;
  busy: boolean;
  /** IDs already purged or found gone in this pane: no longer offered. */
  settled: ReadonlySet<string>;
  /** Called with the job when the person presses Delete. */
  onDelete(job: BulkJob): void;
  /** Whether Outlook currently has several messages selected (the pane shows the single view otherwise). */
  onMultiple(multiple: boolean): void;
  onError(summary: Summary): void;
}

export function SelectionView({
  bulk,
  locale,
  busy,
  settled,
  onDelete,
  onMultiple,
  onError,
}: SelectionViewProps) {
  const styles = useStyles();
  const [state, setState] = useState<
    | { status: "none" }
    | { status: "loading" }
    | { status: "ready"; resolved: ResolvedSelection; selectionKey: string }
  >({ status: "none" });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(async () => {
    try {
      const selected = await bulk.readSelection();
      if (selected.length < 2) {
        setState({ status: "none" });
        onMultiple(false);
        return;
      }
      onMultiple(true);
      setState({ status: "loading" });
      const resolved = await bulk.resolveSelection(selected);
      const main = mainFolder(resolved.targets);
      setTicked(new Set(resolved.targets.filter((t) => !main || t.folderName === main).map((t) => t.ref.id)));
      setState({ status: "ready", resolved, selectionKey: key(selected.map((s) => s.restId)) });
    } catch (error) {
      setState({ status: "none" });
      onError(summarizeError(error));
    }
  }, [bulk, onMultiple, onError]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let disposed = false;
    void load();
    bulk
      .watchSelection(() => void load())
      .then((s) => {
        if (disposed) s();
        else stop = s;
      })
      .catch(() => undefined);
    return () => {
      disposed = true;
      stop?.();
    };
  }, [bulk, load]);

  const main = useMemo(
    () => (state.status === "ready" ? mainFolder(state.resolved.targets) : undefined),
    [state],
  );

  if (state.status === "none") return null;
  if (state.status === "loading") return <Busy label="Checking the selected messages…" />;

  const { resolved, selectionKey } = state;
  const remaining = resolved.targets.filter((t) => !settled.has(t.ref.id));
  const chosen = remaining.filter((t) => ticked.has(t.ref.id));
  const toggle = (id: string, on: boolean) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const start = () =>
    onDelete({
      targets: chosen,
      scope: `the ${chosen.length} selected messages you ticked, in your own mailbox`,
      stillValid: async () => {
        // Bound to the selection that was listed: if Outlook's selection changed meanwhile, ask again.
        const now = await bulk.readSelection().catch(() => []);
        return key(now.map((s) => s.restId)) === selectionKey || SELECTION_CHANGED;
      },
    });

  return (
    <section className={styles.root} aria-label="Selected messages">
      <Subtitle2 as="h2" block>
        {remaining.length === resolved.targets.length
          ? `${resolved.targets.length} messages selected`
          : `${remaining.length} of ${resolved.targets.length} selected messages left`}
      </Subtitle2>
      <ul className={styles.list}>
        {remaining.map((t) => {
          const elsewhere = main !== undefined && t.folderName !== undefined && t.folderName !== main;
          return (
            <li key={t.ref.id}>
              <Checkbox
                checked={ticked.has(t.ref.id)}
                onChange={(_e, data) => toggle(t.ref.id, data.checked === true)}
                label={
                  <span className={styles.label}>
                    <bdi>{displaySubject(t.subject)}</bdi>
                    <Caption1 className={styles.meta}>
                      <bdi>{displaySender(t.from)}</bdi>
                      {t.received ? ` · ${formatReceived(t.received, locale)}` : ""}
                      {t.folderName ? ` · ${t.folderName}` : ""}
                      {elsewhere ? " · from the conversation, in another folder: tick to include" : ""}
                    </Caption1>
                  </span>
                }
              />
            </li>
          );
        })}
      </ul>
      {resolved.skipped.length > 0 && (
        <Caption1 role="note">
          Left out: {resolved.skipped.map((s) => `${displaySubject(s.subject)} (${s.reason})`).join("; ")}
        </Caption1>
      )}
      <div>
        <Button
          appearance="primary"
          icon={<DeleteRegular />}
          disabled={busy || chosen.length === 0}
          onClick={start}
        >
          {`Delete ${chosen.length} permanently`}
        </Button>
      </div>
    </section>
  );
}

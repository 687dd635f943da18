/**
 * Several messages selected in Outlook (Mailbox 1.13). Every selected ID is checked with Graph before it is
 * listed; entries that don't resolve are shown as left out, with why. Outlook's multi-select is within one folder,
 * except that a collapsed conversation in Outlook on the web and the new Outlook selects every message of the
 * conversation, in other folders too (Sent Items...; learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select,
 * "Multi-select in conversations"). Office.js doesn't say which folder is in view, so when the selection spans
 * several folders nothing is ticked at first: the list names each message's folder and the person ticks what goes.
 */
import { Caption1, Checkbox, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { memo, useCallback, useEffect, useMemo, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { summarizeFailure } from "../../core/purge/failures";
import type { ResolvedSelection } from "../../core/purge/mailData";
import type { Summary } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import { displaySubject } from "../format";
import { Busy } from "../ui/Busy";
import { DeleteTickedButton } from "../ui/DeleteTickedButton";
import { stopOnCleanup } from "../ui/subscription";
import type { BulkDeps } from "./bulkDeps";
import { MessageLabel } from "./MessageLabel";
import type { BulkJob } from "./useBulkPurge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, maxHeight: "300px", overflow: "auto" },
  meta: { color: tokens.colorNeutralForeground2, display: "block", overflowWrap: "anywhere" },
  label: { overflowWrap: "anywhere" },
});

export function selectionChanged(): string {
  return t("selection.changed");
}

function key(ids: Iterable<string>): string {
  return [...ids].sort().join("\n");
}

/** The folders the selection is in, in list order. More than one: a collapsed conversation spanning folders. */
function foldersOf(targets: readonly PurgeTarget[]): string[] {
  return [...new Set(targets.map((target) => target.folderName ?? ""))];
}

interface SelectionRowProps {
  target: PurgeTarget;
  checked: boolean;
  locale: string | undefined;
  onToggle(id: string, on: boolean): void;
}

/**
 * One selected message. Memoised with stable props, so the list's rows (up to 100) don't re-render when the view
 * does (a run starting or ending, the Delete button's count), which would delay a run's report after its last
 * answer.
 */
const SelectionRow = memo(function SelectionRow({ target, checked, locale, onToggle }: SelectionRowProps) {
  const styles = useStyles();
  return (
    <li>
      <Checkbox
        checked={checked}
        onChange={(_e, data) => onToggle(target.ref.id, data.checked === true)}
        label={
          <span className={styles.label}>
            <MessageLabel target={target} locale={locale} metaClassName={styles.meta} />
          </span>
        }
      />
    </li>
  );
});

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

/** One folder: every message ticked. Several (a conversation across folders): none, the person chooses. */
export function initiallyTicked(targets: readonly PurgeTarget[]): Set<string> {
  return new Set(foldersOf(targets).length > 1 ? [] : targets.map((target) => target.ref.id));
}

type SelectionState =
  | { status: "none" }
  | { status: "loading" }
  | { status: "ready"; resolved: ResolvedSelection; selectionKey: string };

/**
 * Outlook's selection, read now and whenever it changes: "none" below two messages (the pane shows the single view
 * then), else each selected message checked with Graph; which of them are ticked, and a stable toggle for the rows.
 */
function useSelection(
  bulk: BulkDeps,
  onMultiple: (multiple: boolean) => void,
  onError: (summary: Summary) => void,
) {
  const [state, setState] = useState<SelectionState>({ status: "none" });
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
      setTicked(initiallyTicked(resolved.targets));
      setState({ status: "ready", resolved, selectionKey: key(selected.map((s) => s.restId)) });
    } catch (error) {
      setState({ status: "none" });
      onError(summarizeFailure(error));
    }
  }, [bulk, onMultiple, onError]);

  useEffect(() => {
    void load();
    return stopOnCleanup(bulk.watchSelection(() => void load()));
  }, [bulk, load]);

  const toggle = useCallback(
    (id: string, on: boolean) =>
      setTicked((previous) => {
        const next = new Set(previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return { state, ticked, toggle };
}

/** Memoised: its props don't change while a run reports progress (see BulkArea). */
export const SelectionView = memo(function SelectionView({
  bulk,
  locale,
  busy,
  settled,
  onDelete,
  onMultiple,
  onError,
}: SelectionViewProps) {
  const styles = useStyles();
  const { state, ticked, toggle } = useSelection(bulk, onMultiple, onError);
  const folders = useMemo(() => (state.status === "ready" ? foldersOf(state.resolved.targets) : []), [state]);

  if (state.status === "none") return null;
  if (state.status === "loading") return <Busy label={t("selection.checking")} />;

  const { resolved, selectionKey } = state;
  const remaining = resolved.targets.filter((target) => !settled.has(target.ref.id));
  const chosen = remaining.filter((target) => ticked.has(target.ref.id));

  const start = () =>
    onDelete({
      targets: chosen,
      scope: selectionScope(chosen.length),
      stillValid: async () => {
        // Bound to the selection that was listed: if Outlook's selection changed meanwhile, ask again.
        const now = await bulk.readSelection().catch(() => []);
        return key(now.map((s) => s.restId)) === selectionKey || selectionChanged();
      },
    });

  return (
    <section className={styles.root} aria-label={t("selection.label")}>
      <Subtitle2 as="h2" block>
        {remaining.length === resolved.targets.length
          ? selectedCount(resolved.targets.length)
          : t("selection.left", { remaining: remaining.length, total: resolved.targets.length })}
      </Subtitle2>
      {folders.length > 1 && (
        <Caption1 role="note">
          {t("selection.severalFolders", {
            folders: folders.filter(Boolean).join(t("common.listSeparator")),
          })}
        </Caption1>
      )}
      <ul className={styles.list}>
        {remaining.map((target) => (
          <SelectionRow
            key={target.ref.id}
            target={target}
            checked={ticked.has(target.ref.id)}
            locale={locale}
            onToggle={toggle}
          />
        ))}
      </ul>
      {resolved.skipped.length > 0 && (
        <Caption1 role="note">
          {t("selection.leftOut", {
            items: resolved.skipped
              .map((s) =>
                t("selection.leftOutItem", { subject: displaySubject(s.subject), reason: s.reason }),
              )
              .join(t("common.listSeparator")),
          })}
        </Caption1>
      )}
      <DeleteTickedButton ticked={chosen.length} busy={busy} onClick={start}>
        {t("selection.delete", { count: chosen.length })}
      </DeleteTickedButton>
    </section>
  );
});

/** "3 messages selected", in the active language's plural. */
export function selectedCount(count: number): string {
  return isOne(count) ? t("selection.count.one", { count }) : t("selection.count.other", { count });
}

/** What the confirmation says goes: "the 2 selected messages you ticked, in your own mailbox". */
export function selectionScope(count: number): string {
  return isOne(count) ? t("selection.scope.one", { count }) : t("selection.scope.other", { count });
}

/**
 * Everything bulk in the pane: the multi-selection list, "delete a whole folder", the confirmation that scales,
 * progress with Cancel, and the per-item report. The folder view and the report load lazily: most visits to the
 * pane never need them.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { FolderRegular } from "@fluentui/react-icons";
import { lazy, useCallback, useEffect, useState } from "react";
import { t } from "../../core/i18n";
import type { Summary } from "../../core/purge/report";
import { SummaryBar } from "../SummaryBar";
import { Busy } from "../ui/Busy";
import { PreloadedView, usePreload } from "../ui/usePreload";
import { BulkConfirmDialog } from "./BulkConfirmDialog";
import type { BulkDeps } from "./bulkDeps";
import { ProgressPanel } from "./ProgressPanel";
import { SelectionView } from "./SelectionView";
import { type BulkJob, type BulkModel, type BulkPhase, useBulkPurge } from "./useBulkPurge";
import { useContacts } from "./useContacts";
import { useSettled } from "./useSettled";

// Each view is fetched when it becomes likely and then rendered directly (usePreload explains why); React.lazy
// covers the case where it isn't here yet.
const loadFolderView = () => import("./FolderView");
const FolderView = lazy(loadFolderView);
const loadReport = () => import("./ReportPanel");
const ReportPanel = lazy(loadReport);
const loadContactsView = () => import("../contacts/ContactsView");
const ContactsView = lazy(loadContactsView);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export interface BulkAreaProps {
  bulk: BulkDeps;
  locale?: string | undefined;
  /** The single-message flow is running: bulk waits. */
  singleBusy: boolean;
  onMultiple(multiple: boolean): void;
  /** A bulk run started or ended (the single flow waits meanwhile). */
  onBusy(busy: boolean): void;
  /** The area holds a run: its confirmation, progress or report (not dismissed yet). The pane keeps it shown. */
  onHolding?(holding: boolean): void;
  /**
   * Only the run (confirmation, progress, Cancel, report): Outlook moved to another mailbox during it, where the
   * lists, folders and contacts (which act on the person's own mailbox) must not be offered.
   */
  runOnly?: boolean;
}

/**
 * Tells the pane whether a run is being confirmed or running (`onBusy`: the single flow waits) and whether the
 * area holds a run (`onHolding`: its confirmation, progress or report stays shown); neither outlives the area.
 */
function useTellThePane(
  phase: BulkPhase,
  onBusy: (busy: boolean) => void,
  onHolding: ((holding: boolean) => void) | undefined,
) {
  const busy = phase.kind === "confirming" || phase.kind === "running";
  useEffect(() => onBusy(busy), [busy, onBusy]);
  // Whatever unmounts the area, the pane's busy flag must not outlive it.
  useEffect(() => () => onBusy(false), [onBusy]);
  const holding = phase.kind !== "idle";
  useEffect(() => onHolding?.(holding), [holding, onHolding]);
  useEffect(() => () => onHolding?.(false), [onHolding]);
}

/**
 * `[runKind, start]`: starts a job once the area's problem is cleared, and says whether the run is of contacts or
 * messages (the progress panel's wording). `start` is stable, like every prop of the lists: a bulk run updates its
 * progress many times a second, and the lists (up to 100 selected messages, a folder tree, contacts) must not
 * re-render with each update.
 */
function useStart(
  modelStart: BulkModel["start"],
  setProblem: (summary: Summary | undefined) => void,
): ["message" | "contact", BulkModel["start"]] {
  const [runKind, setRunKind] = useState<"message" | "contact">("message");
  const start = useCallback(
    (job: BulkJob) => {
      setProblem(undefined);
      setRunKind(job.targets.every((target) => target.ref.kind === "contact") ? "contact" : "message");
      modelStart(job);
    },
    [modelStart, setProblem],
  );
  return [runKind, start];
}

export function BulkArea({
  bulk,
  locale,
  singleBusy,
  onMultiple,
  onBusy,
  onHolding,
  runOnly = false,
}: BulkAreaProps) {
  const styles = useStyles();
  const [problem, setProblem] = useState<Summary | undefined>();
  const contacts = useContacts(bulk, setProblem);
  const model = useBulkPurge(contacts.routed);
  const { phase } = model;
  const [folderOpen, setFolderOpen] = useState(false);
  const folderView = usePreload(loadFolderView);
  const contactsView = usePreload(loadContactsView);
  const report = usePreload(loadReport);
  const openContacts = () => {
    contactsView.preload();
    contacts.open();
  };
  const busy = singleBusy || phase.kind === "confirming" || phase.kind === "running";
  const reportError = useCallback((summary: Summary) => setProblem(summary), []);
  const [runKind, start] = useStart(model.start, setProblem);
  useTellThePane(phase, onBusy, onHolding);
  // A confirmation is open: fetch the report's code now, so the end of the run doesn't wait for it.
  const preloadReport = report.preload;
  useEffect(() => {
    if (phase.kind === "confirming") preloadReport();
  }, [phase.kind, preloadReport]);
  const settled = useSettled(phase);

  return (
    <div className={styles.root}>
      {!runOnly && bulk.multiSelectSupported && (
        <SelectionView
          bulk={bulk}
          locale={locale}
          busy={busy}
          settled={settled}
          onDelete={start}
          onMultiple={onMultiple}
          onError={reportError}
        />
      )}

      {phase.kind === "running" && (
        <ProgressPanel
          progress={phase.progress}
          cancelling={phase.cancelling}
          onCancel={model.cancel}
          kind={runKind}
        />
      )}

      <div aria-live="polite">
        {problem && <SummaryBar summary={problem} />}
        {phase.kind === "finished" && (
          <SummaryBar
            summary={phase.summary}
            action={
              <Button appearance="transparent" onClick={model.reset}>
                {t("common.dismiss")}
              </Button>
            }
          />
        )}
      </div>
      {phase.kind === "finished" && phase.results.length > 0 && (
        <PreloadedView
          view={report}
          lazy={ReportPanel}
          fallback={<Busy label={t("bulk.preparingReport")} />}
          props={{ results: phase.results, locale }}
        />
      )}

      {runOnly ? null : folderOpen ? (
        <PreloadedView
          view={folderView}
          lazy={FolderView}
          fallback={<Busy label={t("common.loading")} />}
          props={{ bulk, busy, onDelete: start, onError: reportError }}
        />
      ) : (
        <div>
          <Button
            icon={<FolderRegular />}
            onPointerEnter={folderView.preload}
            onFocus={folderView.preload}
            onClick={() => {
              folderView.preload();
              setFolderOpen(true);
            }}
            disabled={busy}
          >
            {t("bulk.deleteFolder")}
          </Button>
        </div>
      )}

      {runOnly ? null : contacts.door.status === "open" ? (
        <PreloadedView
          view={contactsView}
          lazy={ContactsView}
          fallback={<Busy label={t("bulk.loadingContacts")} />}
          props={{
            actions: contacts.door.actions,
            busy,
            settled,
            onDelete: start,
            onError: reportError,
            onClose: contacts.close,
          }}
        />
      ) : (
        bulk.contacts && (
          <div>
            {/* No icon: it would add to the whole pane, whose budget has little room left
                (docs/performance.md#what-the-pane-builds-itself). */}
            <Button
              onPointerEnter={contactsView.preload}
              onFocus={contactsView.preload}
              onClick={openContacts}
              disabled={busy || contacts.door.status === "loading"}
            >
              {t("bulk.deleteContacts")}
            </Button>
          </div>
        )
      )}

      <BulkConfirmDialog
        request={phase.kind === "confirming" ? phase.request : undefined}
        locale={locale}
        onAnswer={model.answer}
      />
    </div>
  );
}

/**
 * Everything bulk in the pane: the multi-selection list, "delete a whole folder", the confirmation that scales,
 * progress with Cancel, and the per-item report. The folder view and the report load lazily: most visits to the
 * pane never need them.
 */
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { FolderRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { Summary } from "../../core/purge/report";
import { SummaryBar } from "../SummaryBar";
import { BulkConfirmDialog } from "./BulkConfirmDialog";
import type { BulkDeps } from "./bulkDeps";
import { ProgressPanel } from "./ProgressPanel";
import { SelectionView } from "./SelectionView";
import { useBulkPurge } from "./useBulkPurge";

const FolderView = lazy(() => import("./FolderView"));
const ReportPanel = lazy(() => import("./ReportPanel"));

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
}

export function BulkArea({ bulk, locale, singleBusy, onMultiple, onBusy }: BulkAreaProps) {
  const styles = useStyles();
  const model = useBulkPurge(bulk);
  const [problem, setProblem] = useState<Summary | undefined>();
  const [folderOpen, setFolderOpen] = useState(false);
  const { phase } = model;
  const busy = singleBusy || phase.kind === "confirming" || phase.kind === "running";
  const reportError = useCallback((summary: Summary) => setProblem(summary), []);
  const start: typeof model.start = (job) => {
    setProblem(undefined);
    model.start(job);
  };
  const bulkBusy = phase.kind === "confirming" || phase.kind === "running";
  useEffect(() => onBusy(bulkBusy), [bulkBusy, onBusy]);
  // Messages purged or found gone: Outlook may keep listing them for a moment; nothing more is offered for them.
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (phase.kind !== "finished") return;
    const done = phase.results
      .filter((r) => r.outcome.status === "purged" || r.outcome.status === "already-gone")
      .map((r) => r.target.ref.id);
    if (done.length > 0) setSettled((previous) => new Set([...previous, ...done]));
  }, [phase]);

  return (
    <div className={styles.root}>
      {bulk.multiSelectSupported && (
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
        <ProgressPanel progress={phase.progress} cancelling={phase.cancelling} onCancel={model.cancel} />
      )}

      <div aria-live="polite">
        {problem && <SummaryBar summary={problem} />}
        {phase.kind === "finished" && (
          <SummaryBar
            summary={phase.summary}
            action={
              <Button appearance="transparent" onClick={model.reset}>
                Dismiss
              </Button>
            }
          />
        )}
      </div>
      {phase.kind === "finished" && phase.results.length > 0 && (
        <Suspense fallback={<Spinner size="tiny" label="Preparing the report…" />}>
          <ReportPanel results={phase.results} locale={locale} />
        </Suspense>
      )}

      {folderOpen ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <FolderView bulk={bulk} busy={busy} onDelete={start} onError={reportError} />
        </Suspense>
      ) : (
        <div>
          <Button icon={<FolderRegular />} onClick={() => setFolderOpen(true)} disabled={busy}>
            Delete a whole folder…
          </Button>
        </div>
      )}

      <BulkConfirmDialog
        request={phase.kind === "confirming" ? phase.request : undefined}
        locale={locale}
        onAnswer={model.answer}
      />
    </div>
  );
}

/**
 * Everything bulk in the pane: the multi-selection list, "delete a whole folder", the confirmation that scales,
 * progress with Cancel, and the per-item report. The folder view and the report load lazily: most visits to the
 * pane never need them.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { FolderRegular } from "@fluentui/react-icons";
import { lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { t } from "../../core/i18n";
import type { ContactActions } from "../../core/purge/contacts";
import { type Summary, summarizeError } from "../../core/purge/report";
import { SummaryBar } from "../SummaryBar";
import { Busy } from "../ui/Busy";
import { PreloadedView, usePreload } from "../ui/usePreload";
import { BulkConfirmDialog } from "./BulkConfirmDialog";
import type { BulkDeps } from "./bulkDeps";
import { ProgressPanel } from "./ProgressPanel";
import { SelectionView } from "./SelectionView";
import { useBulkPurge } from "./useBulkPurge";

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
  // Contacts go through the same confirmation, scheduler and report, but with the Contacts.ReadWrite client:
  // a job of contacts is routed to it. Runs never overlap (one model), so mail and contacts share the ledger.
  const contactActions = useRef<ContactActions | undefined>(undefined);
  const routed = useMemo<BulkDeps>(
    () => ({
      ...bulk,
      purge: (targets, options) => {
        const contacts = targets.filter((target) => target.ref.kind === "contact").length;
        if (contacts === 0) return bulk.purge(targets, options);
        const actions = contactActions.current;
        if (contacts !== targets.length || !actions) {
          return Promise.reject(new Error(t("bulk.mixedRun")));
        }
        return actions.purge(targets, options);
      },
    }),
    [bulk],
  );
  const model = useBulkPurge(routed);
  const [problem, setProblem] = useState<Summary | undefined>();
  const [folderOpen, setFolderOpen] = useState(false);
  const [contacts, setContacts] = useState<
    { status: "closed" } | { status: "loading" } | { status: "open"; actions: ContactActions }
  >({ status: "closed" });
  const closeContacts = useCallback(() => setContacts({ status: "closed" }), []);
  const folderView = usePreload(loadFolderView);
  const contactsView = usePreload(loadContactsView);
  const report = usePreload(loadReport);
  const openContacts = () => {
    const load = bulk.contacts;
    if (!load) return;
    contactsView.preload();
    setProblem(undefined);
    setContacts({ status: "loading" });
    load().then(
      (actions) => {
        contactActions.current = actions;
        setContacts({ status: "open", actions });
      },
      (error: unknown) => {
        setContacts({ status: "closed" });
        setProblem(summarizeError(error));
      },
    );
  };
  const { phase } = model;
  const busy = singleBusy || phase.kind === "confirming" || phase.kind === "running";
  const reportError = useCallback((summary: Summary) => setProblem(summary), []);
  const [runKind, setRunKind] = useState<"message" | "contact">("message");
  // Stable, like every prop of the lists below: a bulk run updates its progress many times a second, and the
  // lists (up to 100 selected messages, a folder tree, contacts) must not re-render with each update.
  const modelStart = model.start;
  const start = useCallback<typeof modelStart>(
    (job) => {
      setProblem(undefined);
      setRunKind(job.targets.every((target) => target.ref.kind === "contact") ? "contact" : "message");
      modelStart(job);
    },
    [modelStart],
  );
  const bulkBusy = phase.kind === "confirming" || phase.kind === "running";
  useEffect(() => onBusy(bulkBusy), [bulkBusy, onBusy]);
  // Whatever unmounts the area, the pane's busy flag must not outlive it.
  useEffect(() => () => onBusy(false), [onBusy]);
  const holding = phase.kind !== "idle";
  useEffect(() => onHolding?.(holding), [holding, onHolding]);
  useEffect(() => () => onHolding?.(false), [onHolding]);
  // A confirmation is open: fetch the report's code now, so the end of the run doesn't wait for it.
  const preloadReport = report.preload;
  useEffect(() => {
    if (phase.kind === "confirming") preloadReport();
  }, [phase.kind, preloadReport]);
  // Messages purged or found gone: Outlook may keep listing them for a moment; nothing more is offered for them.
  // A finished run's items count at once (in the render that shows the report, so the list drops them in the same
  // pass) and are kept once the run is dismissed.
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const justDone = useMemo(
    () =>
      phase.kind === "finished"
        ? phase.results
            .filter((r) => r.outcome.status === "purged" || r.outcome.status === "already-gone")
            .map((r) => r.target.ref.id)
        : [],
    [phase],
  );
  const settled = useMemo<ReadonlySet<string>>(
    () => (justDone.length === 0 ? kept : new Set([...kept, ...justDone])),
    [kept, justDone],
  );
  useEffect(() => {
    if (justDone.length > 0) setKept((previous) => new Set([...previous, ...justDone]));
  }, [justDone]);

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

      {runOnly ? null : contacts.status === "open" ? (
        <PreloadedView
          view={contactsView}
          lazy={ContactsView}
          fallback={<Busy label={t("bulk.loadingContacts")} />}
          props={{
            actions: contacts.actions,
            busy,
            settled,
            onDelete: start,
            onError: reportError,
            onClose: closeContacts,
          }}
        />
      ) : (
        bulk.contacts && (
          <div>
            {/* No icon: an icon from another chunk of @fluentui/react-icons costs ~3 kB of the first paint. */}
            <Button
              onPointerEnter={contactsView.preload}
              onFocus={contactsView.preload}
              onClick={openContacts}
              disabled={busy || contacts.status === "loading"}
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

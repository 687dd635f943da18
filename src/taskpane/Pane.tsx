import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Title3,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DeleteRegular, DismissRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useState } from "react";
import { t } from "../core/i18n";
import type { MailboxAccess } from "../core/office/shared";
import { itemToTarget } from "../core/purge/targets";
import type { ProblemReport } from "../core/purge/types";
import type { BulkDeps } from "./bulk/bulkDeps";
import { ItemSummary } from "./ItemSummary";
import type { PaneDeps } from "./paneDeps";
import { SummaryBar } from "./SummaryBar";
import { Busy } from "./ui/Busy";
import { fill } from "./ui/fill";
import type { PaneModel } from "./usePurgePane";

// The confirmation starts loading right after the first paint (it renders closed), so it is there by the press.
const ConfirmDialog = lazy(() => import("./ConfirmDialog").then((m) => ({ default: m.ConfirmDialog })));

// Bulk views load after the first paint: most visits only need the current message.
const BulkArea = lazy(() => import("./bulk/BulkArea").then((m) => ({ default: m.BulkArea })));

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  details: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

function ProblemDetails({ problem }: { problem: ProblemReport }) {
  const styles = useStyles();
  const parts = [
    problem.status ? t("pane.detail.http", { status: String(problem.status) }) : undefined,
    problem.code ? t("pane.detail.code", { code: problem.code }) : undefined,
    problem.requestId ? t("pane.detail.requestId", { id: problem.requestId }) : undefined,
    problem.date ? t("pane.detail.date", { date: problem.date }) : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Caption1 className={styles.details}>{parts.join(" · ")}</Caption1>;
}

/** Whose mailbox the item is in, when it isn't the person's own. */
function MailboxNote({ access }: { access: MailboxAccess | undefined }) {
  const styles = useStyles();
  if (!access || access.via === "own" || access.mailbox.kind !== "user") return null;
  return (
    <Caption1 className={styles.details}>
      {fill("pane.inMailbox", { mailbox: <bdi>{access.address ?? access.mailbox.id}</bdi> })}
      {access.via === "shared-folder" ? t("pane.sharedWithYou") : t("pane.openedAsOther")}
    </Caption1>
  );
}

export interface PaneProps {
  /** Multi-select, folders and the scheduler; absent where bulk deletion isn't available. */
  bulk?: BulkDeps | undefined;
  model: PaneModel;
  configProblem: string | undefined;
  /** Graph has no message permanentDelete where this mailbox is: the sentence shown instead of any button. */
  unavailable?: string | undefined;
  /** Per kind of item, where Graph deletes some kinds but not others (see PaneDeps). */
  unavailableFor?: PaneDeps["unavailableFor"];
  locale?: string | undefined;
}

export function Pane({ model, configProblem, unavailable, unavailableFor, locale, bulk }: PaneProps) {
  const styles = useStyles();
  const { item, signIn, confirming, deleting, result } = model;
  // Several messages selected: Outlook has no current item then, and the selection list takes its place.
  const [multiple, setMultiple] = useState(false);
  const [bulkBusy, setBulkBusy] = useState(false);
  // A bulk run (confirming, running, or its report not yet dismissed) stays on screen whatever Outlook selects.
  const [bulkHolding, setBulkHolding] = useState(false);
  const single = !multiple;
  // Once purged, Outlook may keep showing the message until the selection moves: offer nothing more for it.
  const settledItem = item.status === "ready" && model.settled.has(item.item.restId);
  // Outlook's delegate bits say no for this item: explain instead of offering the button.
  const refusal = single && item.status === "ready" && !settledItem ? item.item.refusal : undefined;
  // Graph can't delete this kind of item in this mailbox's cloud (a message in the China cloud): say so instead.
  const kindUnavailable =
    single && item.status === "ready" && !settledItem ? unavailableFor?.(item.item.kind) : undefined;
  const blocked = unavailable ?? kindUnavailable;
  const ready = single && item.status === "ready" && !configProblem && !blocked && !settledItem && !refusal;
  const singleBusy = deleting || confirming !== undefined;
  // Views of the whole mailbox are the person's own: not offered while Graph hasn't said whose mailbox this is.
  const otherMailbox =
    single &&
    item.status === "ready" &&
    (item.item.mailbox.kind === "user" || item.item.access?.via === "unresolved");
  const busy = singleBusy || bulkBusy;
  // Where focus returns when the confirmation closes; without a target it falls to <body>.
  const restoreFocusTarget = useRestoreFocusTarget();

  return (
    <main className={styles.root} aria-busy={item.status === "loading" || deleting}>
      <header>
        <Title3 as="h1" block>
          {t("pane.title")}
        </Title3>
        <Body1 as="p" block className={styles.intro}>
          {t("pane.intro")}
        </Body1>
      </header>

      {configProblem && (
        <SummaryBar summary={{ tone: "error", title: t("pane.notConfigured"), message: configProblem }} />
      )}

      {blocked && (
        <SummaryBar summary={{ tone: "warning", title: t("purge.title.notInCloud"), message: blocked }} />
      )}

      {single && item.status === "loading" && <Busy label={t("pane.readingMessage")} />}
      {single && item.status === "unavailable" && <SummaryBar summary={item.summary} />}

      {single && item.status === "ready" && !settledItem && (
        // biome-ignore lint/a11y/useSemanticElements: a named group of text, not form controls (no fieldset)
        <div className={styles.card} role="group" aria-label={t("pane.selectedMessage")}>
          <ItemSummary target={itemToTarget(item.item)} locale={locale} />
          <MailboxNote access={item.item.access} />
        </div>
      )}

      {refusal && !configProblem && !blocked && (
        <SummaryBar
          summary={{ tone: "warning", title: t("purge.title.cantDeleteHere"), message: refusal.message }}
        />
      )}

      {ready && (
        <div className={styles.actions}>
          <Button
            {...restoreFocusTarget}
            appearance="primary"
            icon={deleting ? <Busy decorative /> : <DeleteRegular />}
            disabled={busy}
            disabledFocusable={busy}
            onClick={model.startDelete}
          >
            {deleting ? t("pane.deleting") : t("common.deletePermanently")}
          </Button>
        </div>
      )}

      {/* The status area: sign-in and results. Always rendered, since a live region announces only what is
          added to it after it exists. */}
      <div aria-live="polite" className={styles.status}>
        {!configProblem && signIn.status === "needed" && (
          <SummaryBar
            summary={signIn.summary}
            action={
              signIn.canSignIn ? (
                <Button appearance="primary" onClick={model.requestSignIn}>
                  {t("pane.signIn")}
                </Button>
              ) : undefined
            }
          />
        )}
        {result && (
          <>
            <SummaryBar
              summary={result.summary}
              action={
                <Button
                  appearance="transparent"
                  icon={<DismissRegular />}
                  aria-label={t("common.dismiss")}
                  onClick={model.dismissResult}
                />
              }
            />
            {result.problem && <ProblemDetails problem={result.problem} />}
          </>
        )}
      </div>

      {/* Bulk deletion, folders and contacts act on the person's own mailbox: never offer them while the pane
          shows an item of another mailbox, where they would read as acting on that one. */}
      {otherMailbox && <Caption1 block>{t("pane.otherMailboxOnly")}</Caption1>}
      {bulk && !configProblem && !unavailable && (!otherMailbox || bulkHolding) && (
        <Suspense fallback={null}>
          <BulkArea
            bulk={bulk}
            locale={locale}
            singleBusy={singleBusy}
            onMultiple={setMultiple}
            onBusy={setBulkBusy}
            onHolding={setBulkHolding}
            runOnly={otherMailbox}
          />
        </Suspense>
      )}

      <Suspense fallback={null}>
        <ConfirmDialog target={confirming} locale={locale} onAnswer={model.answer} />
      </Suspense>
    </main>
  );
}

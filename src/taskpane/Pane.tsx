import {
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Title3,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DeleteRegular, DismissRegular } from "@fluentui/react-icons";
import type { GraphProblem } from "../core/graph/types";
import type { Summary } from "../core/purge/report";
import { itemToTarget } from "../core/purge/targets";
import { ConfirmDialog } from "./ConfirmDialog";
import { ItemSummary } from "./ItemSummary";
import type { PaneModel } from "./usePurgePane";

const useStyles = makeStyles({
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

const INTENT = { success: "success", info: "info", warning: "warning", error: "error" } as const;

function SummaryBar({ summary, action }: { summary: Summary; action?: React.ReactNode }) {
  return (
    // data-intent: the tone is otherwise only a colour and an icon; tests and end-to-end checks read it here.
    <MessageBar intent={INTENT[summary.tone]} data-intent={INTENT[summary.tone]} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{summary.title}</MessageBarTitle>
        {summary.message}
      </MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}

function ProblemDetails({ problem }: { problem: GraphProblem }) {
  const styles = useStyles();
  const parts = [
    problem.status ? `HTTP ${problem.status}` : undefined,
    problem.code ? `Code: ${problem.code}` : undefined,
    problem.requestId ? `Request ID: ${problem.requestId}` : undefined,
    problem.date ? `Date: ${problem.date}` : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Caption1 className={styles.details}>{parts.join(" · ")}</Caption1>;
}

export interface PaneProps {
  model: PaneModel;
  configProblem: string | undefined;
  locale?: string | undefined;
}

export function Pane({ model, configProblem, locale }: PaneProps) {
  const styles = useStyles();
  const { item, signIn, confirming, deleting, result } = model;
  // Once purged, Outlook may keep showing the message until the selection moves: offer nothing more for it.
  const settledItem = item.status === "ready" && model.settled.has(item.item.restId);
  const ready = item.status === "ready" && !configProblem && !settledItem;
  const busy = deleting || confirming !== undefined;
  // Where focus returns when the confirmation closes; without a target it falls to <body>.
  const restoreFocusTarget = useRestoreFocusTarget();

  return (
    <main className={styles.root} aria-busy={item.status === "loading" || deleting}>
      <header>
        <Title3 as="h1" block>
          Permanent Delete
        </Title3>
        <Body1 as="p" block className={styles.intro}>
          Deletes mail for good: it skips Deleted Items and can't be recovered in Outlook.
        </Body1>
      </header>

      {configProblem && (
        <SummaryBar summary={{ tone: "error", title: "Not configured", message: configProblem }} />
      )}

      {item.status === "loading" && <Spinner size="small" label="Reading the selected message…" />}
      {item.status === "unavailable" && <SummaryBar summary={item.summary} />}

      {item.status === "ready" && !settledItem && (
        <Card aria-label="Selected message">
          <ItemSummary target={itemToTarget(item.item)} locale={locale} />
        </Card>
      )}

      {ready && (
        <div className={styles.actions}>
          <Button
            {...restoreFocusTarget}
            appearance="primary"
            icon={deleting ? <Spinner size="tiny" /> : <DeleteRegular />}
            disabled={busy}
            disabledFocusable={busy}
            onClick={model.startDelete}
          >
            {deleting ? "Deleting…" : "Delete permanently"}
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
                  Sign in
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
                  aria-label="Dismiss"
                  onClick={model.dismissResult}
                />
              }
            />
            {result.problem && <ProblemDetails problem={result.problem} />}
          </>
        )}
      </div>

      <ConfirmDialog target={confirming} locale={locale} onAnswer={model.answer} />
    </main>
  );
}

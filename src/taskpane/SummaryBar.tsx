/**
 * A result or problem: icon, title, sentence, optional action. Built on tokens rather than Fluent's MessageBar,
 * which would take the pane's first paint over its size budget (docs/performance.md#what-the-pane-builds-itself);
 * the look follows it. `data-intent` carries the tone (otherwise only a colour and an icon) for tests and
 * end-to-end checks.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, DismissCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { Summary } from "../core/purge/report";

/** A tone's bar: its background, framed by a thin border in its border colour. */
function toned(background: string, border: string) {
  return { backgroundColor: background, ...shorthands.border(tokens.strokeWidthThin, "solid", border) };
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    "@media (forced-colors: active)": { ...shorthands.border("1px", "solid", "CanvasText") },
  },
  success: toned(tokens.colorStatusSuccessBackground1, tokens.colorStatusSuccessBorder1),
  info: toned(tokens.colorNeutralBackground3, tokens.colorNeutralStroke1),
  warning: toned(tokens.colorStatusWarningBackground1, tokens.colorStatusWarningBorder1),
  error: toned(tokens.colorStatusDangerBackground1, tokens.colorStatusDangerBorder1),
  icon: { flexShrink: 0, fontSize: "20px", marginTop: "1px" },
  successIcon: { color: tokens.colorStatusSuccessForeground1 },
  infoIcon: { color: tokens.colorNeutralForeground2 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  // In a narrow pane the action goes under the sentence instead of squeezing it into a column.
  body: { flex: "1 1 12em", minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  actions: { flexShrink: 0, alignSelf: "center", marginLeft: "auto" },
});

const ICONS = {
  success: CheckmarkCircleFilled,
  info: InfoFilled,
  warning: WarningFilled,
  error: DismissCircleFilled,
} as const;

export function SummaryBar({ summary, action }: { summary: Summary; action?: ReactNode }) {
  const styles = useStyles();
  const tone = summary.tone;
  const Icon = ICONS[tone];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group, as Fluent's MessageBar renders; not form controls
    <div
      className={mergeClasses(styles.root, styles[tone])}
      data-intent={tone}
      role="group"
      aria-label={summary.title}
    >
      <Icon className={mergeClasses(styles.icon, styles[`${tone}Icon`])} aria-hidden="true" />
      <div className={styles.body}>
        <span className={styles.title}>{summary.title}</span> {summary.message}
      </div>
      {action && <div className={styles.actions}>{action}</div>}
    </div>
  );
}

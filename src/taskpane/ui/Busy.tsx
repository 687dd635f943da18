/**
 * A small busy indicator with a visible label. Fluent's Spinner would take the pane's first paint over its size
 * budget for a rotating ring (docs/performance.md#what-the-pane-builds-itself); this keeps the same role and
 * accessible name.
 */
import { makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { t } from "../../core/i18n";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  ring: {
    width: "16px",
    height: "16px",
    flexShrink: 0,
    borderRadius: "50%",
    ...shorthands.border("2px", "solid", tokens.colorBrandStroke2),
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "0.9s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
    "@media (forced-colors: active)": {
      ...shorthands.borderColor("CanvasText"),
      borderTopColor: "Highlight",
    },
  },
});

/** `decorative`: inside something that already says it is busy (a button reading "Deleting…"). */
export function Busy({ label, decorative }: { label?: string; decorative?: boolean }) {
  const styles = useStyles();
  if (decorative) return <span className={styles.ring} aria-hidden="true" />;
  return (
    <span className={styles.root} role="progressbar" aria-label={label ?? t("common.working")}>
      <span className={styles.ring} aria-hidden="true" />
      {label && <span>{label}</span>}
    </span>
  );
}

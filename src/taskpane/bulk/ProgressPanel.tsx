import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import type { BulkProgress } from "./bulkDeps";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { color: tokens.colorNeutralForeground2 },
});

export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t("progress.seconds", { seconds });
  const minutes = Math.floor(seconds / 60);
  return t("progress.minutes", { minutes, seconds: seconds % 60 });
}

export interface ProgressPanelProps {
  progress: BulkProgress;
  cancelling: boolean;
  onCancel(): void;
  /** What is being deleted. @default "message" */
  kind?: "message" | "contact" | undefined;
}

/** Counts, a bar, time left, and Cancel (stops new work at once; work already sent is reported). */
export function ProgressPanel({ progress, cancelling, onCancel, kind = "message" }: ProgressPanelProps) {
  const styles = useStyles();
  const done = progress.total - progress.left;
  return (
    <section className={styles.root} aria-label={t("progress.label")}>
      <Field
        label={
          isOne(progress.total)
            ? t(`progress.deleting.${kind}.one` as const, { count: progress.total })
            : t(`progress.deleting.${kind}.other` as const, { count: progress.total })
        }
        validationState="none"
        hint={
          progress.etaMs !== undefined && progress.left > 0
            ? t("progress.left", { duration: formatDuration(progress.etaMs) })
            : null
        }
      >
        <ProgressBar value={progress.total === 0 ? 0 : done / progress.total} thickness="large" />
      </Field>
      <Body1 role="status" className={styles.counts}>
        {t("progress.counts", {
          purged: progress.purged,
          gone: progress.alreadyGone,
          failed: progress.failed,
          left: progress.left,
        })}
      </Body1>
      <div>
        <Button onClick={onCancel} disabled={cancelling}>
          {cancelling ? t("progress.cancelling") : t("common.cancel")}
        </Button>
      </div>
      {cancelling && <Caption1>{t("progress.stopping")}</Caption1>}
    </section>
  );
}

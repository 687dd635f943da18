import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { BulkProgress } from "./bulkDeps";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { color: tokens.colorNeutralForeground2 },
});

export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

export interface ProgressPanelProps {
  progress: BulkProgress;
  cancelling: boolean;
  onCancel(): void;
  /** What is being deleted. @default "messages" */
  noun?: string | undefined;
}

/** Counts, a bar, time left, and Cancel (stops new work at once; work already sent is reported). */
export function ProgressPanel({ progress, cancelling, onCancel, noun = "messages" }: ProgressPanelProps) {
  const styles = useStyles();
  const done = progress.total - progress.left;
  return (
    <section className={styles.root} aria-label="Deletion progress">
      <Field
        label={`Deleting ${progress.total} ${noun}…`}
        validationState="none"
        hint={
          progress.etaMs !== undefined && progress.left > 0
            ? `About ${formatDuration(progress.etaMs)} left`
            : null
        }
      >
        <ProgressBar value={progress.total === 0 ? 0 : done / progress.total} thickness="large" />
      </Field>
      <Body1 role="status" className={styles.counts}>
        {progress.purged} deleted · {progress.alreadyGone} already gone · {progress.failed} failed ·{" "}
        {progress.left} left
      </Body1>
      <div>
        <Button onClick={onCancel} disabled={cancelling}>
          {cancelling ? "Cancelling…" : "Cancel"}
        </Button>
      </div>
      {cancelling && (
        <Caption1>Stopping: nothing new is sent; what is already on its way is reported.</Caption1>
      )}
    </section>
  );
}

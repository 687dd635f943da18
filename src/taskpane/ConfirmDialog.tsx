import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
  useFluent,
} from "@fluentui/react-components";
import { useEffect, useId } from "react";
import { HOLD_NOTE } from "../core/purge/report";
import type { PurgeTarget } from "../core/purge/types";
import { ItemSummary } from "./ItemSummary";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorStatusDangerBackground3Hover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ":hover:active": {
      backgroundColor: tokens.colorStatusDangerBackground3Pressed,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    "@media (forced-colors: active)": {
      backgroundColor: "ButtonFace",
      color: "ButtonText",
      border: "1px solid ButtonText",
    },
  },
});

export interface ConfirmDialogProps {
  /** The message the person is asked about; the dialog is open while this is set. */
  target: PurgeTarget | undefined;
  locale?: string | undefined;
  onAnswer(confirmed: boolean): void;
}

/** Asks before an irreversible delete. Cancel has focus, so Enter alone never deletes. */
export function ConfirmDialog({ target, locale, onAnswer }: ConfirmDialogProps) {
  const styles = useStyles();
  const open = target !== undefined;
  const cancelId = useId();
  const { targetDocument } = useFluent();
  // Fluent's Dialog focuses its first focusable element (the Delete button) in an effect and ignores
  // autoFocus (microsoft/fluentui#35749). This effect belongs to the Dialog's parent, so React runs it after
  // the Dialog's own and Cancel ends up with focus.
  useEffect(() => {
    if (open) targetDocument?.getElementById(cancelId)?.focus();
  }, [open, targetDocument, cancelId]);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby="confirm-warning">
        <DialogBody>
          <DialogTitle>Delete this message permanently?</DialogTitle>
          <DialogContent className={styles.content}>
            {target && <ItemSummary target={target} locale={locale} />}
            {target && (
              <p>
                {target.ref.mailbox.kind === "user" ? (
                  <>
                    In the mailbox <bdi>{target.ref.mailbox.id}</bdi>, not your own.
                  </>
                ) : (
                  "In your own mailbox."
                )}
              </p>
            )}
            <p id="confirm-warning">It skips Deleted Items and "Recover deleted items". {HOLD_NOTE}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" className={styles.danger} onClick={() => onAnswer(true)}>
              Delete permanently
            </Button>
            <Button appearance="secondary" id={cancelId} onClick={() => onAnswer(false)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

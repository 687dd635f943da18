import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { HOLD_NOTE } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import { displaySender, displaySubject, formatReceived } from "../format";
import { TypedCount, typedCountMatches, useDangerButtonStyles, useInitialFocus } from "../ui/confirmParts";

/** From this many items up, the person types the number to confirm. */
export const TYPED_CONFIRMATION_FROM = 10;
const SAMPLE_SIZE = 5;

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sample: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground2, display: "block" },
});

export interface BulkConfirmRequest {
  targets: readonly PurgeTarget[];
  /** "the 12 selected messages" or "all 340 messages in Deleted Items". */
  scope: string;
}

export interface BulkConfirmDialogProps {
  request: BulkConfirmRequest | undefined;
  locale?: string | undefined;
  onAnswer(confirmed: boolean): void;
}

/** Names the count, the scope and a sample; from 10 items up, the count must be typed. Cancel has focus. */
export function BulkConfirmDialog({ request, locale, onAnswer }: BulkConfirmDialogProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState("");
  const count = request?.targets.length ?? 0;
  // The Contacts view uses this dialog too: name what is going.
  const contacts = count > 0 && (request?.targets.every((t) => t.ref.kind === "contact") ?? false);
  const plural = contacts ? "contacts" : "messages";
  const noun = count === 1 ? plural.slice(0, -1) : plural;
  const needsTyping = count >= TYPED_CONFIRMATION_FROM;
  const confirmed = !needsTyping || typedCountMatches(count, typed);
  useEffect(() => {
    if (request) setTyped("");
  }, [request]);
  // As in ConfirmDialog: Fluent focuses the first focusable element and ignores autoFocus, so move focus after
  // it. With a count to type, the field gets it; otherwise Cancel, so Enter alone never deletes.
  const cancelId = useId();
  const inputId = useId();
  const danger = useDangerButtonStyles();
  const open = request !== undefined;
  useInitialFocus(open, needsTyping ? inputId : cancelId);

  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby="bulk-warning">
        <DialogBody>
          <DialogTitle>{`Delete ${count} ${noun} permanently?`}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>This deletes {request?.scope}.</p>
            {request && (
              <ul className={styles.sample} aria-label={`Some of the ${plural}`}>
                {request.targets.slice(0, SAMPLE_SIZE).map((t) => (
                  <li key={t.ref.id}>
                    <bdi>{displaySubject(t.subject)}</bdi>
                    <Caption1 className={styles.meta}>
                      <bdi>{displaySender(t.from)}</bdi>
                      {t.received ? ` · ${formatReceived(t.received, locale)}` : ""}
                      {t.folderName ? ` · ${t.folderName}` : ""}
                    </Caption1>
                  </li>
                ))}
                {count > SAMPLE_SIZE && <li>…and {count - SAMPLE_SIZE} more</li>}
              </ul>
            )}
            <p id="bulk-warning">They skip Deleted Items and "Recover deleted items". {HOLD_NOTE}</p>
            {needsTyping && <TypedCount count={count} id={inputId} value={typed} onChange={setTyped} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              className={danger.danger}
              disabled={!confirmed}
              onClick={() => onAnswer(true)}
            >
              Delete permanently
            </Button>
            <Button id={cancelId} appearance="secondary" onClick={() => onAnswer(false)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

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
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { holdNote } from "../../core/purge/report";
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
  const contacts = count > 0 && (request?.targets.every((target) => target.ref.kind === "contact") ?? false);
  const kind = contacts ? "contact" : "message";
  const title = isOne(count)
    ? t(`bulk.confirm.title.${kind}.one` as const, { count })
    : t(`bulk.confirm.title.${kind}.other` as const, { count });
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
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{t("bulk.confirm.scope", { scope: request?.scope ?? "" })}</p>
            {request && (
              <ul className={styles.sample} aria-label={t(`bulk.confirm.sample.${kind}` as const)}>
                {request.targets.slice(0, SAMPLE_SIZE).map((target) => (
                  <li key={target.ref.id}>
                    <bdi>{displaySubject(target.subject)}</bdi>
                    <Caption1 className={styles.meta}>
                      <bdi>{displaySender(target.from)}</bdi>
                      {target.received ? ` · ${formatReceived(target.received, locale)}` : ""}
                      {target.folderName ? ` · ${target.folderName}` : ""}
                    </Caption1>
                  </li>
                ))}
                {count > SAMPLE_SIZE && <li>{t("bulk.confirm.more", { count: count - SAMPLE_SIZE })}</li>}
              </ul>
            )}
            <p id="bulk-warning">{t("bulk.confirm.warning", { hold: holdNote() })}</p>
            {needsTyping && <TypedCount count={count} id={inputId} value={typed} onChange={setTyped} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              className={danger.danger}
              disabled={!confirmed}
              onClick={() => onAnswer(true)}
            >
              {t("common.deletePermanently")}
            </Button>
            <Button id={cancelId} appearance="secondary" onClick={() => onAnswer(false)}>
              {t("common.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

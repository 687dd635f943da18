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
} from "@fluentui/react-components";
import { useId } from "react";
import { currentLocale, t } from "../core/i18n";
import { type EventConfirmation, eventConfirmation } from "../core/purge/eventWording";
import { holdNote } from "../core/purge/report";
import type { PurgeTarget } from "../core/purge/types";
import { ItemSummary } from "./ItemSummary";
import { useDangerButtonStyles, useInitialFocus } from "./ui/confirmParts";
import { fill } from "./ui/fill";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  scope: { fontWeight: tokens.fontWeightSemibold },
});

export interface ConfirmDialogProps {
  /** The message the person is asked about; the dialog is open while this is set. */
  target: PurgeTarget | undefined;
  locale?: string | undefined;
  onAnswer(confirmed: boolean): void;
}

function eventWording(
  target: PurgeTarget | undefined,
  locale: string | undefined,
): EventConfirmation | undefined {
  const event = target?.event;
  if (!event) return undefined;
  const format = new Intl.DateTimeFormat(locale || currentLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return eventConfirmation(
    {
      start: event.start,
      end: event.end,
      recurrence: event.recurrence,
      organizerName: event.organizer?.name ?? "",
      organizerAddress: event.organizer?.address ?? "",
      isOrganizer: event.isOrganizer,
      hasAttendees: event.hasAttendees,
    },
    (date) => format.format(date),
  );
}

/** Asks before an irreversible delete. Cancel has focus, so Enter alone never deletes. */
export function ConfirmDialog({ target, locale, onAnswer }: ConfirmDialogProps) {
  const styles = useStyles();
  const open = target !== undefined;
  const cancelId = useId();
  const danger = useDangerButtonStyles();
  // Events say exactly how much goes (one event, one occurrence, or the whole series).
  const event = eventWording(target, locale);
  // Fluent's Dialog focuses its first focusable element (the Delete button) in an effect and ignores
  // autoFocus (microsoft/fluentui#35749). This effect belongs to the Dialog's parent, so React runs it after
  // the Dialog's own and Cancel ends up with focus.
  useInitialFocus(open, cancelId);
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
          <DialogTitle>{event ? event.title : t("confirm.title")}</DialogTitle>
          <DialogContent className={styles.content}>
            {target && <ItemSummary target={target} locale={locale} />}
            {event && <p className={styles.scope}>{event.scope}</p>}
            {event?.details && <p>{event.details}</p>}
            {event?.attendees && <p>{event.attendees}</p>}
            {target && (
              <p>
                {target.ref.mailbox.kind === "user"
                  ? fill("confirm.inMailbox", { mailbox: <bdi>{target.ref.mailbox.id}</bdi> })
                  : event
                    ? t("confirm.ownCalendar")
                    : t("confirm.ownMailbox")}
              </p>
            )}
            <p id="confirm-warning">{t("confirm.warning", { hold: holdNote() })}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" className={danger.danger} onClick={() => onAnswer(true)}>
              {t("common.deletePermanently")}
            </Button>
            <Button appearance="secondary" id={cancelId} onClick={() => onAnswer(false)}>
              {t("common.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

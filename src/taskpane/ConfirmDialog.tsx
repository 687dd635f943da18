import { makeStyles, tokens } from "@fluentui/react-components";
import { currentLocale, t } from "../core/i18n";
import { type EventConfirmation, eventConfirmation } from "../core/purge/eventWording";
import { holdNote } from "../core/purge/report";
import type { PurgeTarget } from "../core/purge/types";
import { ItemSummary } from "./ItemSummary";
import { ConfirmShell } from "./ui/confirmParts";
import { fill } from "./ui/fill";

const useStyles = makeStyles({
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
  // Events say exactly how much goes (one event, one occurrence, or the whole series).
  const event = eventWording(target, locale);
  return (
    <ConfirmShell
      open={target !== undefined}
      title={event ? event.title : t("confirm.title")}
      warningId="confirm-warning"
      warning={t("confirm.warning", { hold: holdNote() })}
      confirmLabel={t("common.deletePermanently")}
      onAnswer={onAnswer}
    >
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
    </ConfirmShell>
  );
}

/**
 * What a confirmation says before a calendar event is purged, shared by the task pane's dialog and the ribbon's
 * confirmation page so both say the same. Two things must be unmistakable: how much goes (one event, one
 * occurrence, or a whole series), and, for an organizer, what Graph does and does not say about attendees.
 *
 * Graph's event permanentDelete page says the event goes to the Purges folder of the person's own mailbox; it says
 * nothing about attendees (unlike the ordinary event delete, whose page says that deleting on the organizer's
 * calendar sends attendees a cancellation). So an organizer of a meeting with attendees is told exactly that, and
 * nothing more is claimed.
 */
import { t } from "../i18n";
import type { EventRecurrence } from "../office/item";

export interface EventFacts {
  start: Date | undefined;
  end: Date | undefined;
  recurrence: EventRecurrence;
  organizerName: string;
  organizerAddress: string;
  isOrganizer: boolean;
  /** Whether Outlook listed any attendees; undefined when it didn't say. */
  hasAttendees: boolean | undefined;
}

export interface EventConfirmation {
  title: string;
  /** Exactly what will be deleted. */
  scope: string;
  /** When it is and whose it is; "" when Outlook said neither. */
  details: string;
  /** For the organizer only: what Graph documents about attendees. */
  attendees: string | undefined;
}

export function organizerNote(): string {
  return t("event.organizerNote");
}

function when(facts: EventFacts, format: (date: Date) => string): string {
  if (facts.start && facts.end)
    return t("event.fromTo", { start: format(facts.start), end: format(facts.end) });
  if (facts.start) return t("event.starting", { start: format(facts.start) });
  return "";
}

function organizer(facts: EventFacts): string {
  if (facts.isOrganizer) return t("event.organizedByYou");
  const name = facts.organizerName || facts.organizerAddress;
  if (!name) return "";
  return facts.organizerName && facts.organizerAddress
    ? t("event.organizedByAddress", { name, address: facts.organizerAddress })
    : t("event.organizedBy", { name });
}

export function eventConfirmation(facts: EventFacts, format: (date: Date) => string): EventConfirmation {
  const time = when(facts, format);
  let title: string;
  let scope: string;
  switch (facts.recurrence) {
    case "occurrence":
      title = t("event.occurrence.title");
      scope = time ? t("event.occurrence.scopeWhen", { time }) : t("event.occurrence.scope");
      break;
    case "series":
      title = t("event.series.title");
      scope = t("event.series.scope");
      break;
    default:
      title = t("event.single.title");
      scope = t("event.single.scope");
  }
  const details = [
    time && facts.recurrence !== "occurrence"
      ? facts.recurrence === "series"
        ? t("event.seriesAt", { time })
        : t("event.when", { time })
      : "",
    organizer(facts),
  ]
    .filter(Boolean)
    .join(" ");
  // A personal appointment with nobody invited has no attendees to speak of; when Outlook didn't say, tell.
  const attendees = facts.isOrganizer && facts.hasAttendees !== false ? organizerNote() : undefined;
  return { title, scope, details, attendees };
}

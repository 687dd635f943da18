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

export const ORGANIZER_NOTE =
  "Microsoft Graph's documentation for permanently deleting an event says nothing about attendees: it doesn't say they get a cancellation or that the meeting leaves their calendars, so don't count on either. If attendees should know, cancel the meeting in Outlook instead.";

function when(facts: EventFacts, format: (date: Date) => string): string {
  if (facts.start && facts.end) return `${format(facts.start)} to ${format(facts.end)}`;
  if (facts.start) return `starting ${format(facts.start)}`;
  return "";
}

function organizer(facts: EventFacts): string {
  if (facts.isOrganizer) return "Organized by you.";
  const name = facts.organizerName || facts.organizerAddress;
  if (!name) return "";
  const address = facts.organizerName && facts.organizerAddress ? ` <${facts.organizerAddress}>` : "";
  return `Organized by ${name}${address}.`;
}

export function eventConfirmation(facts: EventFacts, format: (date: Date) => string): EventConfirmation {
  const time = when(facts, format);
  let title: string;
  let scope: string;
  switch (facts.recurrence) {
    case "occurrence":
      title = "Delete this one occurrence permanently?";
      scope = `Only this occurrence${time ? ` (${time})` : ""} is deleted. The other occurrences of the series stay in your calendar; to delete them all, open the series and delete it there.`;
      break;
    case "series":
      title = "Delete the whole series permanently?";
      scope =
        "This is a recurring series: the whole series is deleted from your calendar, with every one of its occurrences, not just one.";
      break;
    default:
      title = "Delete this event permanently?";
      scope = "This one event is deleted from your calendar.";
  }
  const details = [
    time && facts.recurrence !== "occurrence"
      ? `${facts.recurrence === "series" ? "Outlook shows the series at" : "When"}: ${time}.`
      : "",
    organizer(facts),
  ]
    .filter(Boolean)
    .join(" ");
  // A personal appointment with nobody invited has no attendees to speak of; when Outlook didn't say, tell.
  const attendees = facts.isOrganizer && facts.hasAttendees !== false ? ORGANIZER_NOTE : undefined;
  return { title, scope, details, attendees };
}

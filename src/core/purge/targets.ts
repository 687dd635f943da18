import type { CurrentItem } from "../office/item";
import type { PurgeTarget } from "./types";

/** What the confirmation shows of the current item, and the Graph reference to delete. */
export function itemToTarget(item: CurrentItem): PurgeTarget {
  if (item.kind === "event") {
    return {
      // Exactly what is open: an occurrence's own ID deletes that occurrence, a master's ID the whole series.
      ref: { kind: "event", id: item.restId, mailbox: item.mailbox },
      subject: item.subject,
      from: undefined,
      received: undefined,
      event: {
        start: item.start,
        end: item.end,
        recurrence: item.recurrence,
        organizer: item.organizer,
        isOrganizer: item.isOrganizer,
        hasAttendees: item.hasAttendees,
      },
    };
  }
  return {
    ref: { kind: "message", id: item.restId, mailbox: item.mailbox },
    subject: item.subject,
    from: item.from,
    received: item.received,
  };
}
